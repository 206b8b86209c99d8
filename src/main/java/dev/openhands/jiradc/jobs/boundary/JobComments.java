package dev.openhands.jiradc.jobs.boundary;

import dev.openhands.jiradc.jira.boundary.WikiMarkup;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What the bot says on the issue as a job goes on, in Jira wiki markup: the person who asked is
 * mentioned, and every message links the conversation and says what to do next. Also what the trigger says of a job
 * it finds (its start, a failed start, a follow-up passed on), so a job is always spoken of in the same words.
 */
public final class JobComments {

    /** Jira refuses comments over 32,767 characters; a summary longer than this is cut, with a pointer to the rest. */
    static final int MAX_SUMMARY = 20_000;

    /** How a job's {@code repositoryNamedIn} ends when the project's default was taken. */
    private static final String PROJECT_DEFAULT = " project's default repository";

    private final URI openHandsUrl;
    private final String mention;

    /** @param openHandsUrl OpenHands' web app, where the conversation links lead ({@code openhands.web-url}) */
    public JobComments(URI openHandsUrl, String mention) {
        this.openHandsUrl = openHandsUrl;
        this.mention = mention;
    }

    public String conversationLink(Optional<String> conversationId) {
        return openHandsUrl + "/conversations" + conversationId.map(id -> "/" + id).orElse("");
    }

    private String conversation(Optional<String> conversationId, String words) {
        return "[" + words + "|" + conversationLink(conversationId) + "]";
    }

    private static String mention(String name) {
        return "[~" + name + "]";
    }

    /**
     * The job started: where, where that repository was named, and the link to its conversation (to the list of
     * conversations while OpenHands has not given it its id yet). Said of the job, so that whoever learns the id may
     * say it.
     *
     * @param namedIn where the repository was named, as the bot says it: "the description", "your request", ...
     */
    public String onIt(String actor, String repository, String namedIn, Optional<String> conversationId) {
        String where = namedIn.endsWith(PROJECT_DEFAULT) ? namedIn : "named in " + namedIn;
        return mention(actor) + " I'm on it in " + repository + " (" + where + "): "
                + conversation(conversationId, "follow the conversation in OpenHands") + ".";
    }

    /**
     * Where the repository came from when no one named it and the Jira project's default was taken, as a job's
     * {@code repositoryNamedIn} holds it and "I'm on it" says it: "the ACME project's default repository".
     */
    public static String projectDefault(String projectKey) {
        return "the " + projectKey + PROJECT_DEFAULT;
    }

    /** @param summary the agent's closing words, in Markdown */
    public String finished(String actor, String repository, Optional<String> summary, List<String> pullRequests,
            Optional<String> conversationId) {
        StringBuilder comment = new StringBuilder(mention(actor)).append(" OpenHands finished working in ")
                .append(repository);
        if (pullRequests.isEmpty()) {
            comment.append(
                    ". OpenHands did not report a pull request; if the agent opened one, the conversation shows it.");
        } else {
            comment.append(": ").append(String.join(", ", pullRequests)).append('.');
        }
        summary.filter(text -> !text.isBlank()).ifPresent(text -> comment.append("\n\n").append(summaryMarkup(text)));
        return comment.append("\n\n").append(conversation(conversationId, "The whole conversation in OpenHands"))
                .append(". To ask for more, comment ").append(mention).append(" on this issue.").toString();
    }

    /**
     * The summary in wiki markup of at most {@link #MAX_SUMMARY} characters: an escaped markup character takes up to
     * six ({@code &#123;}), so Markdown full of them is cut further, in proportion, until its markup fits.
     */
    private static String summaryMarkup(String markdown) {
        int keep = Math.min(markdown.length(), MAX_SUMMARY);
        String wiki = WikiMarkup.fromMarkdown(shortened(markdown, keep));
        while (wiki.length() > MAX_SUMMARY) {
            keep = (int) (keep * 0.9 * MAX_SUMMARY / wiki.length());
            wiki = WikiMarkup.fromMarkdown(shortened(markdown, keep));
        }
        return wiki;
    }

    private static String shortened(String markdown, int keep) {
        return keep < markdown.length() ? markdown.substring(0, keep) + "\n\n…" : markdown;
    }

    public String failed(String actor, String reason, Optional<String> conversationId) {
        return mention(actor) + " The OpenHands job stopped without finishing: " + WikiMarkup.escape(sentence(reason))
                + " "
                + conversation(conversationId, "Open the conversation") + " to see what happened, then comment "
                + mention
                + " on this issue to try again.";
    }

    public String stale(String actor, Duration silentFor, Optional<String> lastStatus,
            Optional<String> conversationId) {
        return mention(actor) + " The OpenHands job has given no sign of progress for " + words(silentFor)
                + lastStatus.map(status -> " (last status: " + status + ")").orElse("")
                + ". It may be stuck or waiting for"
                + " you. " + conversation(conversationId, "Check on the conversation") + "; to start over, comment "
                + mention
                + " on this issue. I'll still report here if it finishes.";
    }

    public String unreadable(String actor, Duration unreadFor, Optional<String> conversationId) {
        return mention(actor) + " I have not been able to read the OpenHands job for " + words(unreadFor)
                + ": OpenHands does"
                + " not answer me. I'll keep trying and report here when it ends; meanwhile, "
                + conversation(conversationId, "check on the conversation") + ".";
    }

    public String stoppedFollowing(String actor, String reason, Optional<String> conversationId) {
        return mention(actor) + " I can no longer follow the OpenHands job: " + WikiMarkup.escape(sentence(reason))
                + " "
                + conversation(conversationId, "Follow it in OpenHands") + ".";
    }

    public String forwarded(String actor, Optional<String> conversationId) {
        return mention(actor) + " I passed your comment on to the OpenHands job that is still running: "
                + conversation(conversationId, "follow the conversation in OpenHands") + ".";
    }

    private static String sentence(String text) {
        return text.matches("(?s).*[.!?]$") ? text : text + ".";
    }

    static String words(Duration duration) {
        if (duration.toMinutes() < 1) {
            return duration.toSeconds() + " seconds";
        }
        long minutes = duration.toMinutes();
        if (minutes < 120) {
            return minutes + (minutes == 1 ? " minute" : " minutes");
        }
        long hours = duration.toHours();
        return hours < 48 ? hours + " hours" : duration.toDays() + " days";
    }

    /** An admin stopped the job: its conversation in OpenHands is deleted. */
    public String stoppedByAdmin(String actor, String repository) {
        return mention(actor) + " This job in " + repository + " was stopped by an administrator; its conversation in"
                + " OpenHands was stopped and deleted. If the work is still needed, ask again by commenting " + mention
                + ", or ask your Jira administrator why it was stopped.";
    }

    /** An admin removed the job from the queue before it started. */
    public String queuedCancelledByAdmin(String actor, String repository) {
        return mention(actor) + " The job in " + repository + " that was waiting for a slot was cancelled by an"
                + " administrator before it started. If the work is still needed, ask again by commenting " + mention
                + ", or ask your Jira administrator why it was cancelled.";
    }
}
