package dev.openhands.jiradc.jobs.entity;

import java.util.Optional;

/** What a trigger asks of OpenHands: on which issue, for whom, in which repository, and whether it continues an earlier job. */
public record JobRequest(String issueId, String issueKey, Optional<String> commentId, String accountId, String actorName,
        String repository, Optional<String> followUpOf) {
}
