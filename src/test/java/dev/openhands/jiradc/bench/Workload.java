package dev.openhands.jiradc.bench;

import dev.openhands.jiradc.testing.jira.JiraEvent;
import dev.openhands.jiradc.testing.jira.JiraWebhookSigner;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What Jira sends, signed for a target: by default 19 in 20 deliveries are issue updates that trigger nothing
 * (a label other than {@code openhands} added), 1 in 20 is a new comment mentioning {@code @openhands}.
 * Every comment has its own issue and comment id, so none is de-duplicated away: each one is a real
 * trigger that the service commits to its inbox.
 */
final class Workload {

    private static final int DISTINCT_UPDATES = 500;

    private final String jiraUrl;
    private final int triggerEvery;
    private final List<byte[]> issueUpdates = new ArrayList<>();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong ids = new AtomicLong(1_000_000);

    /** @param triggerEvery one delivery in this many is a trigger */
    Workload(String jiraUrl, int triggerEvery) {
        if (triggerEvery < 1) {
            throw new IllegalArgumentException("trigger-every must be 1 or more, not " + triggerEvery);
        }
        this.jiraUrl = jiraUrl;
        this.triggerEvery = triggerEvery;
        for (int i = 0; i < DISTINCT_UPDATES; i++) {
            String issue = String.valueOf(20_000 + i);
            issueUpdates.add(JiraEvent.issueUpdated().issue(issue, "ACME-" + issue)
                    .with("changelogId", String.valueOf(50_000 + i))
                    .labels(List.of("bug"), List.of("bug", "frontend")).bytes(jiraUrl));
        }
    }

    /** The next delivery for this target, signed with its secret. */
    HttpRequest next(Target target) {
        long n = sequence.getAndIncrement();
        byte[] body = n % triggerEvery == triggerEvery - 1 ? triggeringComment()
                : issueUpdates.get((int) (n % DISTINCT_UPDATES));
        return HttpRequest.newBuilder(target.events())
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header(JiraWebhookSigner.HEADER, JiraWebhookSigner.sign(body, target.secret()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    int triggerEvery() {
        return triggerEvery;
    }

    int typicalBodyBytes() {
        return issueUpdates.get(0).length;
    }

    private byte[] triggeringComment() {
        String issue = String.valueOf(ids.incrementAndGet());
        String comment = String.valueOf(ids.incrementAndGet());
        return JiraEvent.commentCreated().issue(issue, "ACME-" + issue)
                .comment(comment, "Could you take this one? @openhands").bytes(jiraUrl);
    }
}
