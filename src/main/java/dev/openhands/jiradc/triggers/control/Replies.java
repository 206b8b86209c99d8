package dev.openhands.jiradc.triggers.control;

import dev.openhands.jiradc.jira.entity.JiraIssue;
import dev.openhands.jiradc.jira.entity.JiraIssue.JiraComment;
import dev.openhands.jiradc.jira.entity.Visibility;
import java.util.Optional;

/** Where the bot answers: on the issue, seen by those who could see the trigger comment. */
public record Replies(String issueKey, Optional<Visibility> visibility) {

    /**
     * The same, once the issue is read: a delivery may leave out the trigger comment's visibility, which the issue's
     * copy of that comment then says.
     */
    public Replies seenIn(JiraIssue issue, String triggerCommentId) {
        return new Replies(issueKey, visibility.or(() -> issue.comments().stream()
                .filter(comment -> comment.id().equals(triggerCommentId)).findFirst()
                .flatMap(JiraComment::visibility)));
    }
}
