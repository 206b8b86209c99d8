package dev.openhands.jiradc.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.openhands.jiradc.testing.Ports;
import dev.openhands.jiradc.testing.TestEnvironment;
import dev.openhands.jiradc.testing.browser.Browser;
import dev.openhands.jiradc.testing.jira.JiraOAuthDance;
import dev.openhands.jiradc.testing.jira.JiraStubs;
import dev.openhands.jiradc.testing.openhands.OpenHandsConversations;
import dev.openhands.jiradc.testing.openhands.OpenHandsUsers;
import dev.openhands.jiradc.testing.server.GcLog;
import dev.openhands.jiradc.testing.server.PayaraMicroServer;
import java.net.URL;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many running jobs one instance follows, and what that costs OpenHands: {@code capacity.jobs} started jobs whose
 * conversations keep running (nothing new, so each waits the longest interval between checks), put straight into the
 * database as a steady state has them (next checks spread over the longest interval), followed by one Payara Micro with
 * the default intervals. Measured over a window at steady state, then after a restart with every job overdue, then
 * after an outage of OpenHands. Prints figures, never fails on them. {@code mvn -Pbenchmark
 * -Dbench.main=FollowerCapacityBenchmark -Dbench.options="capacity.jobs=10000"}.
 */
public final class FollowerCapacityBenchmark {

    private static final String API_KEY = "capacity-key";
    private static final String REPOSITORY = "acme/web-app";
    /** The settings' defaults (server.xml): the tests' settings leave them alone. */
    private static final Duration SHORTEST = Duration.ofSeconds(15);
    private static final Duration LONGEST = Duration.ofMinutes(5);
    /** The next checks' spread is counted in buckets this long over the coming longest interval. */
    private static final Duration BUCKET = Duration.ofSeconds(10);

    private final WebhookBenchmark.Options options;
    private final Knobs knobs;
    private final TestEnvironment env = TestEnvironment.forLoad();
    private final RunningConversations conversations = new RunningConversations(API_KEY, REPOSITORY);
    private final WireMockServer openHands = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
            .stubRequestLoggingDisabled(true).disableRequestJournal().extensions(conversations));
    private final AtomicLong openHandsCalls = new AtomicLong();
    private final StringBuilder report = new StringBuilder();

    private FollowerCapacityBenchmark(WebhookBenchmark.Options options) {
        this.options = options;
        this.knobs = options.knobs();
    }

    public static void main(String[] args) throws Exception {
        WebhookBenchmark.quietLibraryLogging();
        FollowerCapacityBenchmark benchmark = new FollowerCapacityBenchmark(
                WebhookBenchmark.Options.from(Knobs.load(), "server.heap"));
        try {
            benchmark.run();
        } finally {
            benchmark.openHands.stop();
            benchmark.env.stop();
        }
    }

    private void run() throws Exception {
        int jobs = knobs.integer("capacity.jobs");
        Duration window = Duration.ofSeconds(knobs.integer("capacity.window-seconds"));
        Duration outage = Duration.ofSeconds(knobs.integer("capacity.outage-seconds"));
        if (!knobs.string("capacity.database").equals("postgresql")) {
            throw new IllegalArgumentException("capacity.database must be postgresql: the benchmark writes the jobs"
                    + " into the server's database while it runs, which an embedded H2 file does not allow");
        }
        Files.createDirectories(options.directory());
        openHands.start();
        openHands.addMockServiceRequestListener((request, response) -> openHandsCalls.incrementAndGet());
        conversations.serve(openHands);
        OpenHandsUsers.keyBelongsTo(openHands, API_KEY, "alice@example.com");
        env.jira.stubFor(
                get("/rest/api/2/myself").withHeader("Authorization", equalTo("Bearer " + env.settings.servicePat))
                        .willReturn(okJson(JiraStubs.user(env.jiraUrl(), "openhands", "JIRAUSER10500",
                                "openhands-bot@example.com", "OpenHands"))));
        double loadBefore = WebhookBenchmark.loadAverage();

        try (BenchDatabase database = BenchDatabase.postgresql(knobs, "capacity_")) {
            Map<String, String> properties = new LinkedHashMap<>(env.settings.values());
            properties.putAll(database.serverProperties());
            properties.put("openhands.app-url", "http://127.0.0.1:" + openHands.port());
            line("Follower capacity: %d running jobs, poll interval %s up to %s (the defaults), %s", jobs, SHORTEST,
                    LONGEST, database.description());
            line("Payara Micro -Xmx%s; windows of %d s; load average %.2f before", options.serverHeap(),
                    window.toSeconds(), loadBefore);
            line("a steady state checks every job once per %s: %.1f checks/s expected", LONGEST,
                    jobs / (double) LONGEST.toSeconds());
            String accountId;
            try (PayaraMicroServer server = start(properties)) {
                URL service = server.uri("/").toURL();
                Browser alice = env.signIn(service, "capacity-alice", "alice@example.com", List.of());
                JiraOAuthDance.connect(env, alice, JiraStubs.user(env.jiraUrl(), "alice", "JIRAUSER10100",
                        "alice@example.com", "Alice Example"), "capacity-code", "capacity-at", "capacity-rt");
                alice.putJson("/api/integrations/jira-dc/account/openhands-api-key",
                        "{\"apiKey\":\"" + API_KEY + "\"}");
                accountId = accountOf(database, "alice@example.com");
                insertRunningJobs(database, accountId, jobs);
                line("%d jobs inserted", jobs);
                awaitJitQuiet(server);
                measure("steady state", server, database, window);
                measureHeap(server);
                server.close();
                // every job overdue at once: the server was down longer than the longest interval
                try (Connection db = connect(database); Statement statement = db.createStatement()) {
                    statement.executeUpdate("update job set next_check_at = current_timestamp, followed_by = null");
                }
            }
            try (PayaraMicroServer server = start(properties)) {
                measure("after a restart, every job overdue", server, database, window);
                conversations.down(true);
                Thread.sleep(outage.toMillis());
                conversations.down(false);
                line("OpenHands answered 503 to everything for %d s", outage.toSeconds());
                measure("after the outage", server, database, window);
            }
        }
        line("load average %.2f after", WebhookBenchmark.loadAverage());
        System.out.println();
        System.out.print(report);
        Files.writeString(options.directory().resolve("follower-capacity-" + jobs + ".txt"), report);
    }

    private PayaraMicroServer start(Map<String, String> properties) throws Exception {
        PayaraMicroServer server = PayaraMicroServer.start(options.payaraMicroJar(), options.serverHeap(), Ports.free(),
                properties, List.of(options.war()), options.directory(), options.serverOptions());
        server.awaitReady(Duration.ofMinutes(4));
        return server;
    }

    /**
     * Lets the follower run in rounds of 30 s until the server's JIT compilers use less than {@code warmup.jit-quiet}
     * of its CPU in a round (or {@code warmup.max-seconds} have passed): at this rate of checks the compilers are still
     * at work minutes after the start, and what is measured is the follower, not them.
     */
    private void awaitJitQuiet(PayaraMicroServer server) throws InterruptedException {
        long start = System.nanoTime();
        for (int n = 1;; n++) {
            PayaraMicroServer.CpuTicks before = server.cpuTicks();
            Thread.sleep(Duration.ofSeconds(30).toMillis());
            double compiling = server.cpuTicks().compilerShareSince(before);
            line("warm-up round %d (30 s): the JIT compilers used %.0f %% of the server's CPU", n, 100 * compiling);
            if (WebhookBenchmark.warmedUp(knobs, compiling, Duration.ofNanos(System.nanoTime() - start))) {
                return;
            }
        }
    }

    private void measure(String phase, PayaraMicroServer server, BenchDatabase database, Duration window)
            throws Exception {
        long[] dbBefore = databaseCounts(database);
        Duration cpuBefore = server.cpuTime();
        PayaraMicroServer.CpuTicks ticksBefore = server.cpuTicks();
        long callsBefore = openHandsCalls.get();
        long looksBefore = conversations.conversationLooks.get();
        long firstSecond = System.currentTimeMillis() / 1000 + 1;
        Thread.sleep(window.toMillis());
        long lastSecond = System.currentTimeMillis() / 1000 - 1;
        double cpu = server.cpuTime().minus(cpuBefore).toMillis() / (double) window.toMillis();
        double compiling = server.cpuTicks().compilerShareSince(ticksBefore);
        long calls = openHandsCalls.get() - callsBefore;
        long checks = conversations.conversationLooks.get() - looksBefore;
        Thread.sleep(1000); // PostgreSQL's statistics are flushed at most once a second
        long[] dbAfter = databaseCounts(database);
        List<Long> perSecond = new ArrayList<>();
        for (long second = firstSecond; second <= lastSecond; second++) {
            AtomicLong looks = conversations.looksBySecond.get(second);
            perSecond.add(looks == null ? 0 : looks.get());
        }
        // the follower takes what is due at each tick (every 5 s with the defaults): even checks show per tick or more
        List<Long> perBucket = new ArrayList<>();
        for (int i = 0; i + BUCKET.toSeconds() <= perSecond.size(); i += BUCKET.toSeconds()) {
            perBucket.add(perSecond.subList(i, i + (int) BUCKET.toSeconds()).stream().mapToLong(Long::longValue).sum());
        }
        line("%s (%d s):", phase, window.toSeconds());
        line("  checks %.1f/s; per second min %d / max %d (%s against the mean); per %d s min %d / max %d (%s)",
                checks / (double) window.toSeconds(), min(perSecond), max(perSecond), relative(perSecond),
                BUCKET.toSeconds(), min(perBucket), max(perBucket), relative(perBucket));
        line("  OpenHands %.1f calls/s, %.2f per check", calls / (double) window.toSeconds(),
                checks == 0 ? 0 : calls / (double) checks);
        line("  server CPU %.1f %% of one core: the JIT compilers %.1f %%, the rest %.1f %%", 100 * cpu,
                100 * cpu * compiling, 100 * cpu * (1 - compiling));
        line("  PostgreSQL: %.1f commits per check (the whole database's, other users included), job table: %.1f rows"
                + " updated, %.1f index scans, %.1f seq scans per check", per(dbAfter[0] - dbBefore[0], checks),
                per(dbAfter[1] - dbBefore[1], checks), per(dbAfter[2] - dbBefore[2], checks),
                per(dbAfter[3] - dbBefore[3], checks));
        line("  next checks over the coming %s, per %d s: %s", LONGEST, BUCKET.toSeconds(), nextChecksSpread(database));
    }

    private static String relative(List<Long> counts) {
        double mean = counts.stream().mapToLong(Long::longValue).average().orElse(0);
        return mean == 0 ? "none"
                : String.format(Locale.ROOT, "%+.0f %% / %+.0f %%", 100 * (min(counts) / mean - 1),
                        100 * (max(counts) / mean - 1));
    }

    private static long min(List<Long> counts) {
        return counts.stream().mapToLong(Long::longValue).min().orElse(0);
    }

    private static long max(List<Long> counts) {
        return counts.stream().mapToLong(Long::longValue).max().orElse(0);
    }

    private static double per(long count, long checks) {
        return checks == 0 ? 0 : count / (double) checks;
    }

    /** How the jobs' next checks fall over the coming longest interval: buckets' min and max against their mean. */
    private static String nextChecksSpread(BenchDatabase database) throws SQLException {
        Instant now = Instant.now();
        int buckets = (int) (LONGEST.toSeconds() / BUCKET.toSeconds());
        long[] counts = new long[buckets];
        long later = 0;
        try (Connection db = connect(database);
                Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery(
                        "select next_check_at from job where status in ('STARTED', 'STALE')")) {
            while (rows.next()) {
                long seconds = Duration.between(now, rows.getTimestamp(1).toInstant()).toSeconds();
                int bucket = (int) Math.max(0, seconds / BUCKET.toSeconds());
                if (bucket < buckets) {
                    counts[bucket]++;
                } else {
                    later++;
                }
            }
        }
        List<Long> list = new ArrayList<>();
        for (long count : counts) {
            list.add(count);
        }
        double mean = list.stream().mapToLong(Long::longValue).average().orElse(0);
        return String.format(Locale.ROOT, "mean %.0f, min %d, max %d (%s)%s", mean, min(list), max(list),
                relative(list), later == 0 ? "" : ", " + later + " later");
    }

    private void measureHeap(PayaraMicroServer server) throws Exception {
        int mark = server.gcLog.mark();
        server.collectGarbage();
        GcLog.Pauses fullGc = server.gcLog.since(mark);
        line("  live heap after a full GC: %.0f MB", fullGc.lastAfterMb());
    }

    /** PostgreSQL's commits in the whole database, and the job table's rows updated, index and sequential scans. */
    private static long[] databaseCounts(BenchDatabase database) throws SQLException {
        try (Connection db = connect(database); Statement statement = db.createStatement()) {
            long commits;
            try (ResultSet row = statement
                    .executeQuery("select xact_commit from pg_stat_database where datname = current_database()")) {
                row.next();
                commits = row.getLong(1);
            }
            try (ResultSet row = statement.executeQuery("select n_tup_upd, coalesce(idx_scan, 0), seq_scan"
                    + " from pg_stat_user_tables where relname = 'job' and schemaname = current_schema()")) {
                row.next();
                return new long[]{commits, row.getLong(1), row.getLong(2), row.getLong(3)};
            }
        }
    }

    private static String accountOf(BenchDatabase database, String email) throws SQLException {
        try (Connection db = connect(database);
                PreparedStatement query = db.prepareStatement("select id from account where email_lower = ?")) {
            query.setString(1, email);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("no account for " + email + " after signing in");
                }
                return row.getString(1);
            }
        }
    }

    /**
     * Jobs as a started job is after its "I'm on it" comment and some checks without news: its conversation running,
     * its wait at the longest, its next check anywhere within the longest interval, as a steady state spreads them.
     */
    private static void insertRunningJobs(BenchDatabase database, String accountId, int jobs) throws SQLException {
        Instant now = Instant.now();
        Timestamp at = Timestamp.from(now);
        try (Connection db = connect(database);
                PreparedStatement insert = db.prepareStatement("insert into job (id, trigger_id, issue_id, issue_key,"
                        + " account_id, actor_name, repository, status, start_task_id, conversation_id, task_status,"
                        + " execution_status, last_event_id, last_change_at, next_check_at, check_interval_ms, claims,"
                        + " repository_named_in, announced_at, created_at, updated_at) values (?, ?, ?, ?, ?, 'alice',"
                        + " ?, 'STARTED', ?, ?, 'READY', 'running', ?, ?, ?, ?, 0, 'description', ?, ?, ?)")) {
            db.setAutoCommit(false);
            for (int i = 0; i < jobs; i++) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, UUID.randomUUID().toString());
                insert.setString(3, String.valueOf(70_000 + i));
                insert.setString(4, "CAP-" + i);
                insert.setString(5, accountId);
                insert.setString(6, REPOSITORY);
                insert.setString(7, OpenHandsConversations.id("capacity-task-" + i));
                insert.setString(8, OpenHandsConversations.id("capacity-conversation-" + i).replace("-", ""));
                insert.setString(9, RunningConversations.NEWEST_EVENT);
                insert.setTimestamp(10, at);
                insert.setTimestamp(11, Timestamp.from(
                        now.plusMillis(ThreadLocalRandom.current().nextLong(LONGEST.toMillis()))));
                insert.setLong(12, LONGEST.toMillis());
                insert.setTimestamp(13, at);
                insert.setTimestamp(14, at);
                insert.setTimestamp(15, at);
                insert.addBatch();
                if (i % 500 == 499) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
            db.commit();
        }
    }

    private static Connection connect(BenchDatabase database) throws SQLException {
        return DriverManager.getConnection(database.url(), database.user(), database.password());
    }

    private void line(String format, Object... values) {
        String text = String.format(Locale.ROOT, format, values);
        System.out.println(text);
        report.append(text).append('\n');
    }
}
