package dev.openhands.jiradc.triggers.control;

import dev.openhands.jiradc.jira.entity.WebhookEvent;
import dev.openhands.jiradc.jira.entity.WebhookEvent.ChangelogItem;
import dev.openhands.jiradc.webhooks.entity.Decision;
import dev.openhands.jiradc.webhooks.entity.ServiceAccount;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Decides what a Jira event means. A comment that mentions OpenHands, and the {@code issue_commented}
 * update Jira sends beside it, share one key, so the pair (or a retry) makes one trigger; an edited
 * comment triggers only if that comment never did.
 */
public final class TriggerRules {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final String label;
    private final ServiceAccount serviceAccount;

    public TriggerRules(String label, ServiceAccount serviceAccount) {
        this.label = label;
        this.serviceAccount = serviceAccount;
    }

    public Decision decide(WebhookEvent event) {
        String issue = event.issueId().orElse("");
        return switch (event.webhookEvent()) {
            case "jira:issue_deleted" -> issue.isEmpty() ? Decision.none("no trigger: the event names no issue")
                    : Decision.deletion("issue-deleted:" + issue, "issue deleted");
            case "comment_deleted" -> issue.isEmpty() || event.comment().isEmpty()
                    ? Decision.none("no trigger: the event names no issue or comment")
                    : Decision.deletion("comment-deleted:" + issue + ":" + event.comment().get().id(),
                            "comment deleted");
            case "comment_created", "comment_updated" -> guarded(event, () -> commented(event, issue));
            case "jira:issue_updated" -> guarded(event,
                    () -> event.issueEventTypeName().filter("issue_commented"::equals)
                            .isPresent() && event.comment().isPresent() ? commented(event, issue)
                                    : labelsChanged(event, issue));
            case "jira:issue_created" -> guarded(event, () -> created(event, issue));
            default ->
                Decision.none("ignored: " + event.webhookEvent() + " is not an event this service subscribes to");
        };
    }

    /** The inbox key of the trigger a comment makes: one per comment, whether created or edited into a mention. */
    public static String commentTriggerKey(String issueId, String commentId) {
        return "comment:" + issueId + ":" + commentId;
    }

    private Decision guarded(WebhookEvent event, Supplier<Decision> decide) {
        if (event.actor().filter(serviceAccount::is).isPresent()) {
            return Decision.none("ignored: service account");
        }
        if (event.issueId().isEmpty()) {
            return Decision.none("no trigger: the event names no issue");
        }
        if (event.actor().isEmpty()) {
            // nobody to act for: a job always runs as the person who asked
            return Decision.none("no trigger: the event names no user");
        }
        return decide.get();
    }

    private Decision commented(WebhookEvent event, String issue) {
        if (event.comment().isEmpty()) {
            return Decision.none("no trigger: the event carries no comment");
        }
        WebhookEvent.Comment comment = event.comment().get();
        if (!Mentions.asksForOpenHands(comment.body(), label, serviceAccount)) {
            return Decision.none("no trigger: the comment does not mention @" + label);
        }
        return Decision.trigger(commentTriggerKey(issue, comment.id()), "@" + label + " in comment " + comment.id());
    }

    private Decision labelsChanged(WebhookEvent event, String issue) {
        Optional<ChangelogItem> labels = event.changelog().stream()
                .filter(item -> item.field().equalsIgnoreCase("labels"))
                .findFirst();
        if (labels.isEmpty()) {
            return Decision.none("no trigger: no label was added and no comment mentions @" + label);
        }
        Set<String> before = words(labels.get().from());
        Set<String> after = words(labels.get().to());
        String wanted = label.toLowerCase(Locale.ROOT);
        if (!after.contains(wanted) || before.contains(wanted)) {
            return Decision.none("no trigger: the labels changed without adding " + label);
        }
        String change = event.changelogId().orElse(String.valueOf(event.timestamp()));
        return Decision.trigger("label:" + issue + ":" + change, "label " + label + " added");
    }

    private Decision created(WebhookEvent event, String issue) {
        if (event.labels().stream().noneMatch(label::equalsIgnoreCase)) {
            return Decision.none("no trigger: the new issue does not have the label " + label);
        }
        return Decision.trigger("created:" + issue, "issue created with the label " + label);
    }

    /** Jira writes a labels change as the whole set before and after, separated by spaces. */
    private static Set<String> words(String labels) {
        return WHITESPACE.splitAsStream(labels.trim()).filter(word -> !word.isEmpty())
                .map(word -> word.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }
}
