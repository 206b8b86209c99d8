package dev.openhands.jiradc.jira.entity;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** A webhook registered in Jira Data Center 10+ (only what this service needs of it). */
public record JiraWebhook(String id, String name, String url) {

    public static JiraWebhook fromJson(JsonObject webhook) {
        JsonValue id = webhook.get("id");
        return new JiraWebhook(id == null ? "" : id.toString().replace("\"", ""), webhook.getString("name", ""),
                webhook.getString("url", ""));
    }
}
