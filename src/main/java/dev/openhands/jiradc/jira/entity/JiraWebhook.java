package dev.openhands.jiradc.jira.entity;

/**
 * A webhook registered in Jira Data Center 10+ (only what this service needs of it); Jira writes its id as a number.
 */
public record JiraWebhook(String id, String name, String url) {

    public JiraWebhook {
        id = id == null ? "" : id;
        name = name == null ? "" : name;
        url = url == null ? "" : url;
    }
}
