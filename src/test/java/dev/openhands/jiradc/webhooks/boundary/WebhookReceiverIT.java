package dev.openhands.jiradc.webhooks.boundary;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.openhands.jiradc.testing.ActiveConnection;
import dev.openhands.jiradc.testing.Eventually;
import dev.openhands.jiradc.testing.Http;
import dev.openhands.jiradc.testing.ServiceUrls;
import dev.openhands.jiradc.testing.TestEnvironment;
import dev.openhands.jiradc.testing.browser.Browser;
import dev.openhands.jiradc.testing.identity.IdentityProvider;
import dev.openhands.jiradc.testing.jira.JiraEvent;
import dev.openhands.jiradc.testing.jira.JiraStubs;
import dev.openhands.jiradc.testing.jira.JiraWebhookSigner;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Jira's deliveries over real HTTP: signed, size-limited, de-duplicated, committed to the inbox, logged. */
@ExtendWith(ArquillianExtension.class)
class WebhookReceiverIT {

    static final TestEnvironment ENV = TestEnvironment.start();
    static final int MAX_BODY = 64 * 1024;
    static final String ZERO_SIGNATURE = "0000000000000000000000000000000000000000000000000000000000000000";
    static final AtomicInteger IDS = new AtomicInteger(20000);

    @ArquillianResource
    URL service;

    Browser admin;
    String connectionId;
    String secret;

    @Deployment(testable = false)
    static WebArchive deployment() {
        // the service account, as Jira describes it to its own PAT
        ENV.jira.stubFor(
                get("/rest/api/2/myself").withHeader("Authorization", equalTo("Bearer " + ENV.settings.servicePat))
                        .willReturn(okJson(
                                JiraStubs.user(ENV.jiraUrl(), "openhands", "JIRAUSER10500", "openhands-bot@example.com",
                                        "OpenHands"))));
        return ENV.deployment().with("jira-dc.webhook.max-body-bytes", String.valueOf(MAX_BODY)).war();
    }

    @AfterAll
    static void stop() {
        ENV.stop();
    }

    @BeforeEach
    void anActiveManualConnection() {
        admin = ENV.signIn(service, "admin-" + UUID.randomUUID(), "admin@example.com",
                List.of(IdentityProvider.ADMIN_GROUP));
        ActiveConnection connection = ActiveConnection.create(service, admin);
        connectionId = connection.id();
        secret = connection.secret();
    }

    HttpResponse<String> deliver(String connection, byte[] body, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(events(connection))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header(JiraWebhookSigner.HEADER, signature);
        }
        return Http.send(request.build());
    }

    java.net.URI events(String connection) {
        return ServiceUrls.local(service, "/integration/jira-dc/connections/" + connection + "/events");
    }

    HttpResponse<String> deliver(JiraEvent event) {
        byte[] body = event.bytes(ENV.jiraUrl());
        return deliver(connectionId, body, JiraWebhookSigner.sign(body, secret));
    }

    static String outcome(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return Http.json(response).getString("outcome");
    }

    static String newId() {
        return String.valueOf(IDS.incrementAndGet());
    }

    static int inboxRows(String dedupKey) throws Exception {
        try (Connection db = ENV.database.connect();
                PreparedStatement count = db.prepareStatement("select count(*) from inbox where dedup_key = ?")) {
            count.setString(1, dedupKey);
            ResultSet rs = count.executeQuery();
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void aTriggerIsCommittedToTheInboxAndLogged() throws Exception {
        String issue = newId();
        String comment = newId();
        String outcome = outcome(deliver(JiraEvent.commentCreated().issue(issue, "ACME-" + issue)
                .comment(comment, "Could you take this? @openhands")));
        assertEquals("trigger: @openhands in comment " + comment, outcome);
        assertEquals(1, inboxRows("comment:" + issue + ":" + comment));

        JsonObject logged = Http.json(admin.get("/api/integrations/jira-dc/deliveries?limit=20"))
                .getJsonArray("deliveries")
                .getValuesAs(JsonObject.class).stream().filter(d -> d.getString("issueKey", "").equals("ACME-" + issue))
                .findFirst().orElseThrow(); // a trigger's line is committed before the answer
        assertEquals("comment_created", logged.getString("event"));
        assertEquals("alice", logged.getString("actor"));
        assertEquals(outcome, logged.getString("outcome"));
        Eventually.await(
                () -> Optional.of(Http.json(admin.get("/api/integrations/jira-dc/connections/" + connectionId)))
                        .filter(connection -> connection.containsKey("lastDeliveryAt")),
                "the connection's last delivery time");
    }

    @Test
    void theSameDeliveryTwiceIsOneTrigger() throws Exception {
        String issue = newId();
        String comment = newId();
        JiraEvent event = JiraEvent.commentCreated().issue(issue, "ACME-" + issue).comment(comment, "@openhands");
        assertTrue(outcome(deliver(event)).startsWith("trigger"));
        assertEquals("duplicate", outcome(deliver(event)));
        assertEquals(1, inboxRows("comment:" + issue + ":" + comment));
    }

    @Test
    void theCommentAndItsIssueCommentedUpdateAreOneTrigger() throws Exception {
        String issue = newId();
        String comment = newId();
        assertTrue(outcome(
                deliver(JiraEvent.issueCommented().issue(issue, "ACME-" + issue).comment(comment, "@openhands go")))
                .startsWith("trigger"));
        assertEquals("duplicate", outcome(deliver(JiraEvent.commentCreated().issue(issue, "ACME-" + issue)
                .comment(comment, "@openhands go"))));
        assertEquals(1, inboxRows("comment:" + issue + ":" + comment));
    }

    @Test
    void theServiceAccountsOwnCommentsNeverTrigger() throws Exception {
        String issue = newId();
        String comment = newId();
        // the bot's "I'm on it" comment quotes the mention; matched by the key Jira told about the PAT
        assertEquals("ignored: service account",
                outcome(deliver(JiraEvent.commentCreated().issue(issue, "ACME-" + issue)
                        .comment(comment, "[~alice] @openhands is on it")
                        .actor("openhands", "JIRAUSER10500", "bot-alias@example.com", "OH"))));
        assertEquals(0, inboxRows("comment:" + issue + ":" + comment));
    }

    @Test
    void aPickerMentionOfTheServiceAccountTriggers() {
        assertTrue(outcome(
                deliver(JiraEvent.commentCreated().issue(newId(), "ACME-1").comment(newId(), "[~openhands] please")))
                .startsWith("trigger"));
    }

    @Test
    void addingTheLabelTriggersAndOtherUpdatesDoNot() {
        String issue = newId();
        assertEquals("trigger: label openhands added",
                outcome(deliver(JiraEvent.issueUpdated().issue(issue, "ACME-" + issue)
                        .labels(List.of("bug"), List.of("bug", "openhands")))));
        assertTrue(outcome(deliver(JiraEvent.issueUpdated().issue(issue, "ACME-" + issue).with("changelogId", newId())
                .labels(List.of("bug", "openhands"), List.of("bug")))).startsWith("no trigger"));
    }

    @Test
    void everyRefusalLooksTheSameToTheCaller() {
        byte[] body = JiraEvent.commentCreated().bytes(ENV.jiraUrl());
        String good = JiraWebhookSigner.sign(body, secret);
        JsonObject before = refusedOnThisInstance();
        String inactive = Http.json(admin.postJson("/api/integrations/jira-dc/connections/manual", "{}"))
                .getString("id");
        List<HttpResponse<String>> refused = List.of(
                deliver(connectionId, body, null),
                deliver(connectionId, body, "sha1=" + good.substring(7)),
                deliver(connectionId, body, JiraWebhookSigner.sign(body, "not-the-secret")),
                deliver(UUID.randomUUID().toString(), body, good),
                deliver(inactive, body, good));
        for (HttpResponse<String> response : refused) {
            assertEquals(403, response.statusCode(), response.body());
            assertEquals(refused.get(0).body(), response.body(), "the same generic body for every cause");
            assertFalse(response.body().contains(secret));
        }
        JsonObject counted = refusedOnThisInstance();
        Map<String, Long> expected = Map.of("no X-Hub-Signature header", 1L, "malformed X-Hub-Signature header", 1L,
                "wrong signature", 1L, "unknown or inactive connection", 2L);
        expected.forEach((reason, times) -> assertEquals(times.longValue(), counted.getJsonNumber(reason).longValue()
                - (before.containsKey(reason) ? before.getJsonNumber(reason).longValue() : 0),
                reason + " counted: " + counted));
    }

    JsonObject refusedOnThisInstance() {
        return Http.json(admin.get("/api/integrations/jira-dc/deliveries")).getJsonObject("refusedOnThisInstance");
    }

    @Test
    void deliveriesAreCountedByOutcomeInTheMetrics() {
        Map<String, Long> before = deliveryCounts();
        outcome(deliver(JiraEvent.commentCreated().issue(newId(), "ACME-1").comment(newId(), "@openhands")));
        outcome(deliver(JiraEvent.commentCreated().issue(newId(), "ACME-2").comment(newId(), "no mention")));
        outcome(deliver(JiraEvent.commentCreated().issue(newId(), "ACME-3").comment(newId(), "still none")));
        byte[] body = JiraEvent.commentCreated().bytes(ENV.jiraUrl());
        assertEquals(403, deliver(connectionId, body, JiraWebhookSigner.sign(body, "not-the-secret")).statusCode());
        Map<String, Long> after = deliveryCounts();
        assertEquals(1, after.get("trigger") - before.getOrDefault("trigger", 0L));
        assertEquals(2, after.get("no trigger") - before.getOrDefault("no trigger", 0L));
        assertEquals(1, after.get("refused") - before.getOrDefault("refused", 0L));
    }

    /** {@code openhands_jira_deliveries_total{outcome="..."} n} lines of the Prometheus text at /ops/metrics. */
    Map<String, Long> deliveryCounts() {
        HttpResponse<String> metrics = Http
                .send(HttpRequest.newBuilder(ServiceUrls.local(service, "/ops/metrics")).build());
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"),
                metrics.headers().toString());
        Map<String, Long> counts = new java.util.HashMap<>();
        Matcher line = Pattern.compile("(?m)^openhands_jira_deliveries_total\\{outcome=\"([^\"]+)\"} (\\S+)$")
                .matcher(metrics.body());
        while (line.find()) {
            double count = Double.parseDouble(line.group(2));
            assertEquals(Math.rint(count), count, "a count is a whole number: " + line.group());
            counts.put(line.group(1), (long) count);
        }
        return counts;
    }

    @Test
    void aTamperedBodyIsRefused() {
        byte[] body = JiraEvent.commentCreated().bytes(ENV.jiraUrl());
        String signature = JiraWebhookSigner.sign(body, secret);
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("alice", "mallory")
                .getBytes(StandardCharsets.UTF_8);
        assertEquals(403, deliver(connectionId, tampered, signature).statusCode());
    }

    @Test
    void aPayloadNamingAnotherJiraHostIsRefused() {
        byte[] body = JiraEvent.commentCreated().comment(newId(), "@openhands").bytes("https://evil.example.com");
        assertEquals(403, deliver(connectionId, body, JiraWebhookSigner.sign(body, secret)).statusCode());
    }

    @Test
    void aBodyOverTheLimitIs413() {
        String big = "x".repeat(MAX_BODY);
        byte[] body = JiraEvent.commentCreated().comment(newId(), "@openhands " + big).bytes(ENV.jiraUrl());
        HttpResponse<String> response = deliver(connectionId, body, JiraWebhookSigner.sign(body, secret));
        assertEquals(413, response.statusCode(), response.body());
        assertTrue(Http.json(response).getString("error").contains("jira-dc.webhook.max-body-bytes"));
    }

    /**
     * A sender that announces a 100 MB body and sends a few bytes: were the body read first, the answer would wait for
     * the rest; it comes at once, because an unknown connection or a malformed signature header is refused first.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"unknown connection, no-such-connection, sha256=" + ZERO_SIGNATURE,
            "malformed signature header, , sha256=not-hex"})
    void aStrangersLargeBodyIsRefusedBeforeItIsRead(String what, String connection, String signature) throws Exception {
        URI events = events(connection == null ? connectionId : connection);
        try (Socket socket = new Socket("localhost", events.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write(("POST " + events.getPath()
                            + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                            + JiraWebhookSigner.HEADER + ": " + signature
                            + "\r\nContent-Length: 100000000\r\n\r\n{\"webhookEvent\":")
                            .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String status = new BufferedReader(
                    new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            assertEquals("HTTP/1.1 403 Forbidden", status, what);
        }
    }

    @Test
    void aCapturedDeliveryReplayedAfterItsDuplicateKeyIsPrunedIsRefused() {
        // the retention is the default 30 days: a delivery signed 29 days ago is older than nine tenths of it
        long capturedAt = System.currentTimeMillis() - Duration.ofDays(29).toMillis();
        String issue = newId();
        byte[] body = JiraEvent.commentCreated().issue(issue, "ACME-" + issue).comment(newId(), "@openhands")
                .with("timestamp", String.valueOf(capturedAt)).bytes(ENV.jiraUrl());
        assertEquals(403, deliver(connectionId, body, JiraWebhookSigner.sign(body, secret)).statusCode(),
                "validly signed, but too old to be told apart from a replay");
        assertTrue(admin.get("/api/integrations/jira-dc/diagnostics").body()
                .contains("signed timestamp older than duplicates are remembered"),
                "the reason is counted for the admin");

        byte[] recent = JiraEvent.commentCreated().issue(issue, "ACME-" + issue).comment(newId(), "no mention")
                .with("timestamp", String.valueOf(System.currentTimeMillis() - Duration.ofDays(26).toMillis()))
                .bytes(ENV.jiraUrl());
        assertEquals(200, deliver(connectionId, recent, JiraWebhookSigner.sign(recent, secret)).statusCode(),
                "a delivery Jira retried days later is still within the window");
    }

    @Test
    void signedButNotJsonIs400AndLogged() {
        byte[] body = "{\"webhookEvent\": \"comment_created\", ".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = deliver(connectionId, body, JiraWebhookSigner.sign(body, secret));
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(Http.json(response).getString("error").contains("not a JSON object"));
        Eventually.await(() -> Optional.of(admin.get("/api/integrations/jira-dc/deliveries").body())
                .filter(log -> log.contains("rejected: the body is not a JSON object")),
                "the rejection in the delivery log");
    }

    @Test
    void anEventThisServiceDoesNotSubscribeToIsAnsweredAndLogged() {
        byte[] body = JiraEvent.commentCreated().render(ENV.jiraUrl())
                .replace("\"comment_created\"", "\"worklog_updated\"")
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = deliver(connectionId, body, JiraWebhookSigner.sign(body, secret));
        assertEquals("ignored: worklog_updated is not an event this service subscribes to", outcome(response));
    }

    @Test
    void afterARotationThePreviousSecretWorksDuringTheGrace() {
        String old = secret;
        String rotated = Http
                .json(admin.postJson("/api/integrations/jira-dc/connections/" + connectionId + "/rotate-secret", "{}"))
                .getString("secret");
        byte[] body = JiraEvent.commentCreated().comment(newId(), "no mention").bytes(ENV.jiraUrl());
        assertEquals(200, deliver(connectionId, body, JiraWebhookSigner.sign(body, old)).statusCode(),
                "previous secret");
        assertEquals(200, deliver(connectionId, body, JiraWebhookSigner.sign(body, rotated)).statusCode(),
                "new secret");
    }
}
