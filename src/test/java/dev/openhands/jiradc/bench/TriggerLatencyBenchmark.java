package dev.openhands.jiradc.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.*;

import dev.openhands.jiradc.testing.ActiveConnection;
import dev.openhands.jiradc.testing.Ports;
import dev.openhands.jiradc.testing.TestEnvironment;
import dev.openhands.jiradc.testing.browser.Browser;
import dev.openhands.jiradc.testing.identity.IdentityProvider;
import dev.openhands.jiradc.testing.jira.JiraEvent;
import dev.openhands.jiradc.testing.jira.JiraOAuthDance;
import dev.openhands.jiradc.testing.jira.JiraScenario;
import dev.openhands.jiradc.testing.jira.JiraStubs;
import dev.openhands.jiradc.testing.openhands.OpenHandsConversations;
import dev.openhands.jiradc.testing.openhands.OpenHandsUsers;
import dev.openhands.jiradc.testing.server.PayaraMicroServer;
import java.net.URL;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * From a signed {@code @openhands} comment to the "I'm on it" comment on the issue: the whole way
 * (receiver, inbox, resolving the user, reading the issue, the repository, the access check,
 * starting the conversation, commenting), with WireMock playing Jira and OpenHands on this machine.
 * Triggers are sent at a steady rate; each latency runs from the send to the comment reaching Jira.
 * Prints figures, never fails on them. {@code mvn -Pbenchmark -Dbench.main=TriggerLatencyBenchmark}.
 */
public final class TriggerLatencyBenchmark {

    private static final double P95_TARGET_MS = 500;
    private static final String API_KEY = "bench-key";
    private static final String STARTED = "I'm on it";
    private static final Pattern ISSUE_COMMENT = Pattern.compile("/rest/api/2/issue/(BENCH-\\d+)/comment");

    public static void main(String[] args) throws Exception {
        WebhookBenchmark.quietLibraryLogging();
        WebhookBenchmark.Options options = WebhookBenchmark.Options.from(Knobs.load(), "server.heap");
        int triggers = options.knobs().integer("triggers");
        int rate = options.knobs().integer("trigger-rate");
        TestEnvironment env = TestEnvironment.start();
        try {
            run(env, options, triggers, rate);
        } finally {
            env.stop();
        }
    }

    private static void run(TestEnvironment env, WebhookBenchmark.Options options, int triggers, int rate)
            throws Exception {
        Files.createDirectories(options.directory());
        Map<String, Long> commented = new ConcurrentHashMap<>();
        AtomicInteger otherComments = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(triggers);
        stubJiraAndOpenHands(env);
        env.jira.addMockServiceRequestListener((request, response) -> {
            Matcher issue = ISSUE_COMMENT.matcher(request.getUrl());
            if (!request.getMethod().getName().equals("POST") || !issue.matches()) {
                return;
            }
            // only "I'm on it" says a job started; any other comment (a refusal, an error) is not one
            if (!request.getBodyAsString().contains(STARTED)) {
                otherComments.incrementAndGet();
            } else if (commented.putIfAbsent(issue.group(1), System.nanoTime()) == null) {
                done.countDown();
            }
        });
        Map<String, String> properties = new LinkedHashMap<>(env.settings.values());
        String database = options.h2Url();
        properties.put("datasource.url", database);
        try (PayaraMicroServer server = PayaraMicroServer.start(options.payaraMicroJar(), options.serverHeap(),
                Ports.free(), properties, List.of(options.war()), options.directory(), options.serverOptions())) {
            server.awaitReady(Duration.ofMinutes(4));
            URL service = server.uri("/").toURL();
            ActiveConnection connection = ActiveConnection.create(service, env.signIn(service, "bench-admin",
                    "bench-admin@example.com", List.of(IdentityProvider.ADMIN_GROUP)));
            Browser alice = env.signIn(service, "bench-alice", "alice@example.com", List.of());
            JiraOAuthDance.connect(env, alice,
                    JiraStubs.user(env.jiraUrl(), "alice", "JIRAUSER10100", "alice@example.com",
                            "Alice Example"),
                    "bench-code", "bench-at", "bench-rt");
            alice.putJson("/api/integrations/jira-dc/account/openhands-api-key", "{\"apiKey\":\"" + API_KEY + "\"}");

            int warmup = Math.min(50, triggers / 5);
            Histogram latencyMicros = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
            Map<String, Long> sent = new ConcurrentHashMap<>();
            long interval = TimeUnit.SECONDS.toNanos(1) / rate;
            long start = System.nanoTime();
            for (int i = 0; i < triggers; i++) {
                long due = start + i * interval;
                while (System.nanoTime() < due) {
                    Thread.onSpinWait();
                }
                String key = "BENCH-" + i;
                byte[] body = JiraEvent.commentCreated().issue(String.valueOf(50_000 + i), key)
                        .comment(String.valueOf(60_000 + i), "@openhands please fix this").bytes(env.jiraUrl());
                sent.put(key, System.nanoTime());
                connection.deliver(body);
            }
            boolean all = done.await(2, TimeUnit.MINUTES);
            for (int i = warmup; i < triggers; i++) {
                Long at = commented.get("BENCH-" + i);
                if (at != null) {
                    latencyMicros.recordValue(TimeUnit.NANOSECONDS.toMicros(at - sent.get("BENCH-" + i)));
                }
            }
            String report = String.format(
                    """
                            Trigger to "I'm on it" comment: %d triggers at %d/s (the first %d as warm-up), \
                            WireMock Jira and OpenHands on this machine
                            Payara Micro -Xmx%s, %s; load average %.2f after the run
                            jobs started ("%s" comment): %d of %d%s; other comments: %d
                            latency  p50 %.0f ms   p95 %.0f ms   p99 %.0f ms   max %.0f ms
                            target p95 < %.0f ms (reported, never enforced): %s
                            """,
                    triggers, rate, warmup, options.serverHeap(), database, WebhookBenchmark.loadAverage(),
                    STARTED, commented.size(), triggers, all ? "" : " (timed out waiting for the rest)",
                    otherComments.get(),
                    latencyMicros.getValueAtPercentile(50) / 1e3, latencyMicros.getValueAtPercentile(95) / 1e3,
                    latencyMicros.getValueAtPercentile(99) / 1e3, latencyMicros.getMaxValue() / 1e3, P95_TARGET_MS,
                    latencyMicros.getValueAtPercentile(95) / 1e3 < P95_TARGET_MS ? "met" : "MISSED");
            System.out.println();
            System.out.print(report);
            Files.writeString(options.directory().resolve("trigger-latency.txt"), report);
        }
    }

    /**
     * A linked user with access to acme/web-app; every BENCH issue names it; OpenHands answers a start with a task in
     * WORKING, which is READY when the service asks for it, as the real one does.
     */
    private static void stubJiraAndOpenHands(TestEnvironment env) {
        env.jira.stubFor(
                get("/rest/api/2/myself").withHeader("Authorization", equalTo("Bearer " + env.settings.servicePat))
                        .willReturn(okJson(
                                JiraStubs.user(env.jiraUrl(), "openhands", "JIRAUSER10500", "openhands-bot@example.com",
                                        "OpenHands"))));
        env.jira.stubFor(get(urlPathMatching("/rest/api/2/issue/BENCH-\\d+")).willReturn(okJson(
                "{\"id\":\"1\",\"key\":\"BENCH-1\",\"fields\":{\"summary\":\"Login fails\","
                        + "\"description\":\"Repository: acme/web-app\"}}")));
        env.jira.stubFor(get(urlPathMatching("/rest/api/2/issue/BENCH-\\d+/comment"))
                .willReturn(okJson("{\"startAt\":0,\"maxResults\":16,\"total\":0,\"comments\":[]}")));
        env.jira.stubFor(
                post(urlPathMatching("/rest/api/2/issue/BENCH-\\d+/comment")).willReturn(aResponse().withStatus(201)
                        .withHeader("Content-Type", "application/json").withBody("{\"id\":\"1\"}")));
        env.jira.stubFor(post("/rest/internal/2/reactions").willReturn(okJson("{}")));
        OpenHandsUsers.keyBelongsTo(env.openHands, API_KEY, "alice@example.com");
        env.openHands.stubFor(
                get("/api/v1/users/git-organizations").willReturn(okJson(JiraScenario.gitOrganizations("github"))));
        env.openHands.stubFor(
                get(urlPathEqualTo("/api/v1/git/repositories/search")).withQueryParam("provider", equalTo("github"))
                        .willReturn(okJson(JiraScenario.repositoryPage("github", "acme/web-app"))));
        new OpenHandsConversations(env.openHands, "acme/web-app").startTaskIs(API_KEY,
                OpenHandsConversations.id("bench-task"),
                "READY", OpenHandsConversations.id("bench-conversation"), null);
    }
}
