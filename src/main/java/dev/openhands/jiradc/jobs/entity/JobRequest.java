package dev.openhands.jiradc.jobs.entity;

import dev.openhands.jiradc.jira.entity.Visibility;
import java.util.Optional;

/**
 * What a trigger asks of OpenHands: on which issue, for whom, in which repository, whether it continues an earlier job,
 * and who may see the replies (the trigger comment's restriction).
 */
public record JobRequest(String issueId, String issueKey, Optional<String> commentId, String accountId, String actorName,
        String repository, Optional<String> followUpOf, Optional<Visibility> replyVisibility) {
}
