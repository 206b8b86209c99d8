package dev.openhands.jiradc.jira.entity;

import java.util.List;
import java.util.Optional;

/** An issue as the service account reads it, with its most recent comments, oldest first. */
public record JiraIssue(String id, String key, String summary, String description, List<JiraComment> comments) {

    /** @param visibility the role or group the comment is restricted to, if it is */
    public record JiraComment(String id, JiraUser author, String body, String created,
            Optional<Visibility> visibility) {

        public boolean restricted() {
            return visibility.isPresent();
        }
    }
}
