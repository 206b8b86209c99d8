package dev.openhands.jiradc.jira.entity;

import java.util.List;

/** An issue as the service account reads it, with its most recent comments, oldest first. */
public record JiraIssue(String id, String key, String summary, String description, List<JiraComment> comments) {

    public record JiraComment(String id, JiraUser author, String body, String created) {
    }
}
