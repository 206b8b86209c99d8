package dev.openhands.jiradc.jobs.entity;

import dev.openhands.jiradc.jira.entity.Visibility;
import java.util.Optional;

/**
 * What a trigger asks of OpenHands: on which issue, for whom, in which repository, whether it continues an earlier job,
 * and who may see the replies (the trigger comment's restriction).
 *
 * @param repositoryNamedIn where the repository was named, as the "I'm on it" comment says it ("the issue's
 *     description", or {@code JobComments.projectDefault} when no one named it and the Jira project's default was
 *     taken); empty for a follow-up passed on to a running job, which is not announced
 */
public record JobRequest(String issueId, String issueKey, Optional<String> commentId, String accountId,
        String actorName,
        String repository, Optional<String> followUpOf, Optional<Visibility> replyVisibility,
        Optional<String> repositoryNamedIn) {
}
