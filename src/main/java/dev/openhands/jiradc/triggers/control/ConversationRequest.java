package dev.openhands.jiradc.triggers.control;

import dev.openhands.jiradc.jira.entity.JiraIssue;
import dev.openhands.jiradc.jira.entity.JiraIssue.JiraComment;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** The title and first message of the OpenHands conversation for an issue. */
public record ConversationRequest(String title, String message) {

    public static final int EARLIER_COMMENTS = 15;

    /**
     * @param request the triggering comment's text, or empty when the label was added
     * @param earlier the issue's comments before the trigger, oldest first
     * @param isBot whether a comment is the service account's own
     * @param earlierConversation the link to an earlier OpenHands conversation on this issue, if there was one
     */
    public static ConversationRequest of(JiraIssue issue, String issueUrl, String repository, String requester,
            String request, List<JiraComment> earlier, Predicate<JiraComment> isBot, Optional<String> earlierConversation) {
        StringBuilder message = new StringBuilder()
                .append("Jira Data Center issue ").append(issue.key()).append(": ").append(issueUrl).append("\n\n")
                .append("Summary: ").append(issue.summary()).append("\n\n")
                .append("Description:\n").append(issue.description().isBlank() ? "(none)" : issue.description()).append("\n\n")
                .append("Request from ").append(requester).append(":\n")
                .append(request.isBlank() ? "The label asking for OpenHands was added to the issue." : request).append("\n");
        List<JiraComment> context = earlier.subList(Math.max(0, earlier.size() - EARLIER_COMMENTS), earlier.size());
        if (!context.isEmpty()) {
            message.append("\nEarlier comments, oldest first:\n");
            for (JiraComment comment : context) {
                message.append("- ").append(comment.author().displayName()).append(isBot.test(comment) ? " (OpenHands bot)" : "")
                        .append(", ").append(comment.created()).append(": ").append(comment.body().replace("\n", "\n  ")).append("\n");
            }
        }
        earlierConversation.ifPresent(link -> message.append("\nAn earlier OpenHands conversation worked on this issue: ")
                .append(link).append("\nContinue from where it left off; its branch or pull request may already exist.\n"));
        message.append("\nWork in the repository ").append(repository).append(" on a new branch named ").append(issue.key())
                .append(". When the change is ready, open a pull request titled \"[").append(issue.key())
                .append("] <what it does>\".");
        return new ConversationRequest("Jira DC " + issue.key() + ": " + issue.summary(), message.toString());
    }
}
