package dev.openhands.jiradc.simulator;

import dev.openhands.jiradc.testing.jira.JiraCommentStore;
import dev.openhands.jiradc.testing.jira.JiraEvent;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The simulated Jira's one issue, and what the developer does on it: each action changes the issue as Jira would and
 * then sends the webhooks Jira sends for it (a comment: {@code comment_created} and the {@code jira:issue_updated}
 * {@code issue_commented} beside it).
 */
final class SimulatedIssue {

    static final String ID = "10001";
    static final String KEY = "ACME-1";
    static final String SUMMARY = "Login page crashes on an empty password";
    static final String DESCRIPTION = "Steps: open /login and submit the form without a password.\r\nExpected: a"
            + " message asking for the password. Actual: a stack trace.\r\n\r\nRepository: acme/web-app";

    private final String jiraBaseUrl;
    private final JiraCommentStore comments;
    private final JiraAccounts accounts;
    private final Deliveries deliveries;
    private final List<String> labels = new ArrayList<>(List.of("bug"));
    private final AtomicInteger changelogIds = new AtomicInteger(10300);

    SimulatedIssue(String jiraBaseUrl, JiraCommentStore comments, JiraAccounts accounts, Deliveries deliveries) {
        this.jiraBaseUrl = jiraBaseUrl;
        this.comments = comments;
        this.accounts = accounts;
        this.deliveries = deliveries;
    }

    /** {@code GET /rest/api/2/issue/{key}}. */
    synchronized JsonObject json() {
        JsonArrayBuilder labelArray = Json.createArrayBuilder();
        labels.forEach(labelArray::add);
        return Json.createObjectBuilder().add("id", ID).add("key", KEY)
                .add("self", jiraBaseUrl + "/rest/api/2/issue/" + ID)
                .add("fields", Json.createObjectBuilder().add("summary", SUMMARY).add("description", DESCRIPTION)
                        .add("labels", labelArray)
                        .add("status", Json.createObjectBuilder().add("name", "To Do").add("id", "10000"))
                        .add("project",
                                Json.createObjectBuilder().add("id", "10000").add("key", "ACME").add("name",
                                        "Acme Web")))
                .build();
    }

    synchronized List<String> labels() {
        return List.copyOf(labels);
    }

    List<JsonObject> comments() {
        return comments.comments(KEY);
    }

    void comment(String body) {
        JsonObject developer = accounts.developer();
        JsonObject kept = comments.add(KEY, Json.createObjectBuilder().add("body", body).add("author", developer)
                .add("updateAuthor", developer).build());
        deliveries.send("comment_created", event(JiraEvent.commentCreated(), kept));
        deliveries.send("jira:issue_updated", event(JiraEvent.issueCommented(), kept));
    }

    void edit(String commentId, String body) {
        comments.edit(KEY, commentId, body)
                .ifPresent(edited -> deliveries.send("comment_updated", event(JiraEvent.commentUpdated(), edited)));
    }

    void delete(String commentId) {
        comments.delete(KEY, commentId)
                .ifPresent(deleted -> deliveries.send("comment_deleted", event(JiraEvent.commentDeleted(), deleted)));
    }

    void label(String label, boolean on) {
        List<String> before;
        List<String> after;
        synchronized (this) {
            before = List.copyOf(labels);
            if (on == labels.contains(label)) {
                return;
            }
            if (on) {
                labels.add(label);
            } else {
                labels.remove(label);
            }
            after = List.copyOf(labels);
        }
        deliveries.send("jira:issue_updated", issueEvent(JiraEvent.issueUpdated()).labels(before, after)
                .with("changelogId", String.valueOf(changelogIds.incrementAndGet())));
    }

    /**
     * Label changes that are no trigger, one after the other: the delivery log, metrics and troubleshooting fill up.
     */
    void burst(int deliveries) {
        for (int i = 0; i < deliveries; i++) {
            label("triage", i % 2 == 0);
        }
    }

    private JiraEvent event(JiraEvent template, JsonObject comment) {
        JsonObject author = Optional.ofNullable(comment.getJsonObject("author")).orElse(accounts.developer());
        return issueEvent(template).comment(comment.getString("id"), comment.getString("body"))
                .with("commentUpdated", comment.getString("updated"))
                .actor(author.getString("name"), author.getString("key"), author.getString("emailAddress"),
                        author.getString("displayName"));
    }

    private JiraEvent issueEvent(JiraEvent template) {
        List<String> now = labels();
        JsonObject developer = accounts.developer();
        return template
                .actor(developer.getString("name"), developer.getString("key"), developer.getString("emailAddress"),
                        developer.getString("displayName"))
                .issue(ID, KEY).with("summary", SUMMARY).with("description", DESCRIPTION)
                .with("labelsJson", Json.createArrayBuilder(now).build().toString()).with("projectKey", "ACME");
    }
}
