package dev.openhands.jiradc.jira.entity;

import jakarta.json.JsonObject;
import java.util.Optional;

/** A Jira Data Center user: {@code key} (for example JIRAUSER10100) is the stable id, {@code name} the login. */
public record JiraUser(String key, String name, Optional<String> emailAddress, String displayName) {

    public static JiraUser fromJson(JsonObject user) {
        String name = user.getString("name", "");
        String email = user.getString("emailAddress", "");
        return new JiraUser(user.getString("key", name), name, email.isBlank() ? Optional.empty() : Optional.of(email),
                user.getString("displayName", name));
    }
}
