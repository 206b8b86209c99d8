package dev.openhands.jiradc.webhooks.boundary;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.openhands.jiradc.testing.Http;
import dev.openhands.jiradc.testing.ServiceUrls;
import dev.openhands.jiradc.testing.TestEnvironment;
import dev.openhands.jiradc.testing.browser.Browser;
import dev.openhands.jiradc.testing.identity.IdentityProvider;
import dev.openhands.jiradc.testing.jira.JiraEvent;
import dev.openhands.jiradc.testing.jira.JiraPayloadFuzzer;
import dev.openhands.jiradc.testing.jira.JiraPayloadFuzzer.Mutant;
import dev.openhands.jiradc.testing.jira.JiraStubs;
import dev.openhands.jiradc.testing.jira.JiraWebhookSigner;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Thousands of mutated Jira deliveries, each correctly signed, against the real WAR: whatever the
 * body, the answer is a clean 200/400/403/413, and every trigger the receiver confirms is in the inbox.
 * Replay a failure with {@code -Dfuzz.seed=<the seed in the output>}.
 */
@ExtendWith(ArquillianExtension.class)
class WebhookFuzzIT {

    static final TestEnvironment ENV = TestEnvironment.start();
    static final long SEED = Long.getLong("fuzz.seed", 20261128L);
    static final int DELIVERIES = Integer.getInteger("fuzz.deliveries", 2_000);
    static final Set<Integer> CLEAN_ANSWERS = Set.of(200, 400, 403, 413);
    static final int SHOWN_FAILURES = 20;

    @ArquillianResource
    URL service;

    String connectionId;
    String secret;

    /** A delivery the service answered with a trigger. */
    record Confirmed(String delivery, String outcome) {
    }

    @Deployment(testable = false)
    static WebArchive deployment() {
        ENV.jira.stubFor(
                get("/rest/api/2/myself").withHeader("Authorization", equalTo("Bearer " + ENV.settings.servicePat))
                        .willReturn(okJson(
                                JiraStubs.user(ENV.jiraUrl(), "openhands", "JIRAUSER10500", "openhands-bot@example.com",
                                        "OpenHands"))));
        return ENV.deployment().war();
    }

    @AfterAll
    static void stop() {
        ENV.stop();
    }

    @BeforeEach
    void anActiveManualConnection() {
        Browser admin = ENV.signIn(service, "admin-" + UUID.randomUUID(), "admin@example.com",
                List.of(IdentityProvider.ADMIN_GROUP));
        JsonObject details = Http.json(admin.postJson("/api/integrations/jira-dc/connections/manual", "{}"));
        connectionId = details.getString("id");
        secret = details.getString("secret");
        assertEquals(200, admin.postJson("/api/integrations/jira-dc/connections/" + connectionId + "/activate", "{}")
                .statusCode());
    }

    @Test
    void mutatedSignedDeliveriesAreAnsweredCleanlyAndNoTriggerIsLost() {
        System.out.printf("WebhookFuzzIT: seed %d, %d deliveries (replay with -Dfuzz.seed=%d)%n", SEED, DELIVERIES,
                SEED);
        JiraPayloadFuzzer fuzzer = new JiraPayloadFuzzer(new Random(SEED), ENV.jiraUrl());
        List<String> failures = new ArrayList<>();
        Map<String, Confirmed> confirmedTriggers = new LinkedHashMap<>(); // by the digest of the payload
        Map<String, Integer> outcomes = new TreeMap<>();
        Map<String, Long> millis = new HashMap<>();
        long run = System.nanoTime();

        for (int i = 0; i < DELIVERIES; i++) {
            Mutant mutant = fuzzer.next();
            String name = "#" + i + " [" + mutant.description() + "]";
            long started = System.nanoTime();
            HttpResponse<String> response;
            try {
                response = deliver(mutant.body());
            } catch (UncheckedIOException e) {
                failures.add(name + ": no answer: " + e.getMessage());
                continue;
            }
            millis.put(name, Duration.ofNanos(System.nanoTime() - started).toMillis());
            Optional<String> problem = problemWith(response);
            if (problem.isPresent()) {
                failures.add(name + ": " + problem.get());
                continue;
            }
            String outcome = summary(response);
            outcomes.merge(JiraPayloadFuzzer.printable(outcome.replaceAll("[0-9]+", "N")), 1, Integer::sum);
            if (outcome.startsWith("trigger")) {
                confirmedTriggers.put(digest(new String(mutant.body(), StandardCharsets.UTF_8)),
                        new Confirmed(name, outcome));
            }
        }

        Map<String, String> inboxTriggers = triggersInTheInbox();
        confirmedTriggers.forEach((payload, trigger) -> {
            if (!inboxTriggers.containsKey(payload)) {
                failures.add(trigger.delivery() + ": lost, answered '" + trigger.outcome()
                        + "' but its payload is not in the inbox");
            } else if (!keyFits(inboxTriggers.get(payload), trigger.outcome())) {
                failures.add(trigger.delivery() + ": key " + inboxTriggers.get(payload) + " for '" + trigger.outcome()
                        + "'");
            }
        });
        if (inboxTriggers.size() != confirmedTriggers.size()) {
            failures.add(
                    inboxTriggers.size() + " triggers in the inbox, but " + confirmedTriggers.size() + " answered");
        }

        System.out.println("WebhookFuzzIT: " + DELIVERIES + " deliveries in "
                + Duration.ofNanos(System.nanoTime() - run).toSeconds()
                + " s, " + confirmedTriggers.size() + " triggers");
        System.out.println("WebhookFuzzIT outcomes: " + outcomes);
        System.out.println("WebhookFuzzIT slowest deliveries:");
        millis.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(5)
                .forEach(slow -> System.out.println("  " + slow.getValue() + " ms " + slow.getKey()));
        assertTrue(confirmedTriggers.size() > DELIVERIES / 20, "too few triggers to prove anything: " + outcomes);
        assertTrue(failures.isEmpty(), failures.size() + " of " + DELIVERIES + " deliveries went wrong (seed " + SEED
                + "), the first ones:\n"
                + String.join("\n", failures.subList(0, Math.min(SHOWN_FAILURES, failures.size()))));

        String issue = "2000000001";
        String comment = "2000000002";
        byte[] valid = JiraEvent.commentCreated().issue(issue, "ACME-1").comment(comment, "@openhands please fix")
                .bytes(ENV.jiraUrl());
        HttpResponse<String> afterwards = deliver(valid);
        assertEquals(200, afterwards.statusCode(), afterwards.body());
        assertEquals("trigger: @openhands in comment " + comment, Http.json(afterwards).getString("outcome"));
        assertEquals("comment:" + issue + ":" + comment,
                triggersInTheInbox().get(digest(new String(valid, StandardCharsets.UTF_8))));
    }

    /** Signed with the connection's secret, whatever the bytes. */
    HttpResponse<String> deliver(byte[] body) {
        URI events = ServiceUrls.local(service, "/integration/jira-dc/connections/" + connectionId + "/events");
        return Http.send(HttpRequest.newBuilder(events).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header(JiraWebhookSigner.HEADER, JiraWebhookSigner.sign(body, secret))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    /** What a user would call broken: a server error, a stack trace, or an answer that is not the documented JSON. */
    static Optional<String> problemWith(HttpResponse<String> response) {
        int status = response.statusCode();
        String body = response.body();
        String shown = status + " "
                + JiraPayloadFuzzer.printable(body.length() > 300 ? body.substring(0, 300) + "..." : body);
        if (!CLEAN_ANSWERS.contains(status)) {
            return Optional.of("answered " + shown);
        }
        if (body.contains("Exception") || body.contains("at dev.")) {
            return Optional.of("a stack trace in " + shown);
        }
        JsonObject json;
        try {
            json = Http.json(response);
        } catch (RuntimeException notAnObject) {
            return Optional.of("not a JSON object: " + shown);
        }
        String field = status == 200 ? "outcome" : "error";
        return json.get(field) instanceof JsonString ? Optional.empty()
                : Optional.of("no \"" + field + "\" in " + shown);
    }

    static String summary(HttpResponse<String> response) {
        JsonObject json = Http.json(response);
        return response.statusCode() == 200 ? json.getString("outcome")
                : response.statusCode() + " " + json.getString("error");
    }

    /** The key's kind matches the outcome, and a comment trigger's key ends with the comment named in it. */
    static boolean keyFits(String key, String outcome) {
        String inComment = " in comment ";
        if (outcome.contains(inComment)) {
            return key.startsWith("comment:")
                    && key.endsWith(":" + outcome.substring(outcome.indexOf(inComment) + inComment.length()));
        }
        return key.startsWith(outcome.startsWith("trigger: label ") ? "label:" : "created:");
    }

    /** Digest of each trigger's stored payload -> its dedup key. */
    static Map<String, String> triggersInTheInbox() {
        Map<String, String> triggers = new HashMap<>();
        try (Connection db = ENV.database.connect();
                Statement query = db.createStatement();
                ResultSet rows = query.executeQuery("select dedup_key, payload from inbox where kind = 'TRIGGER'")) {
            while (rows.next()) {
                triggers.put(digest(rows.getString("payload")), rows.getString("dedup_key"));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return triggers;
    }

    static String digest(String payload) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
