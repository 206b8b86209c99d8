package dev.openhands.jiradc.bench;

import dev.openhands.jiradc.testing.Ports;
import dev.openhands.jiradc.testing.TestEnvironment;
import dev.openhands.jiradc.testing.browser.Browser;
import dev.openhands.jiradc.testing.identity.IdentityProvider;
import dev.openhands.jiradc.testing.server.GcLog;
import dev.openhands.jiradc.testing.server.PayaraMicroServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The audit trail's export of {@code audit.records} records (a million by default) through the real endpoint of one
 * Payara Micro on PostgreSQL, with a small heap ({@code audit.server.heap}): records per second, bytes, the server's
 * CPU, and its heap (the peak the GC log shows during the export, the live heap after a full GC before and after).
 * CSV, then JSON Lines, then CSV again (the first export runs with a cold JIT). The client reads the answer as a stream
 * and counts its lines. Prints figures, never fails on them.
 * {@code mvn -Pbenchmark -Dbench.main=AuditExportBenchmark}.
 */
public final class AuditExportBenchmark {

    private static final String EXPORT = "/api/integrations/jira-dc/audit/export?format=";

    private final WebhookBenchmark.Options options;
    private final Knobs knobs;
    private final TestEnvironment env = TestEnvironment.forLoad();
    private final StringBuilder report = new StringBuilder();

    private AuditExportBenchmark(WebhookBenchmark.Options options) {
        this.options = options;
        this.knobs = options.knobs();
    }

    public static void main(String[] args) throws Exception {
        WebhookBenchmark.quietLibraryLogging();
        AuditExportBenchmark benchmark = new AuditExportBenchmark(
                WebhookBenchmark.Options.from(Knobs.load(), "audit.server.heap"));
        try {
            benchmark.run();
        } finally {
            benchmark.env.stop();
        }
    }

    private void run() throws Exception {
        int records = knobs.integer("audit.records");
        Files.createDirectories(options.directory());
        double loadBefore = WebhookBenchmark.loadAverage();
        try (BenchDatabase database = BenchDatabase.postgresql(knobs, "audit_")) {
            Map<String, String> properties = new LinkedHashMap<>(env.settings.values());
            properties.putAll(database.serverProperties());
            line("Audit export: %d records, %s", records, database.description());
            line("Payara Micro -Xmx%s; load average %.2f before", options.serverHeap(), loadBefore);
            try (PayaraMicroServer server = PayaraMicroServer.start(options.payaraMicroJar(), options.serverHeap(),
                    Ports.free(), properties, List.of(options.war()), options.directory(), options.serverOptions())) {
                server.awaitReady(Duration.ofMinutes(4));
                URL service = server.uri("/").toURL();
                Browser admin = env.signIn(service, "bench-admin", "admin@example.com",
                        List.of(IdentityProvider.ADMIN_GROUP));
                String session = admin.cookie("openhands_jira_dc_session").orElseThrow();
                long inserting = System.nanoTime();
                insert(database, records);
                line("%d records inserted in %.1f s", records, (System.nanoTime() - inserting) / 1e9);
                line("live heap after a full GC before the exports: %.0f MB", liveHeap(server));
                for (String format : List.of("csv", "jsonl", "csv")) {
                    export(server, service, session, format);
                }
            }
        }
        line("load average %.2f after", WebhookBenchmark.loadAverage());
        System.out.println();
        System.out.print(report);
        Files.writeString(options.directory().resolve("audit-export-" + records + ".txt"), report);
    }

    private void export(PayaraMicroServer server, URL service, String session, String format) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(service.toURI().resolve(EXPORT + format))
                .header("Cookie", "openhands_jira_dc_session=" + session).GET().build();
        int mark = server.gcLog.mark();
        Duration cpuBefore = server.cpuTime();
        long started = System.nanoTime();
        HttpResponse<InputStream> answer = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        long firstByte = 0;
        long bytes = 0;
        long lines = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream body = answer.body()) {
            for (int read; (read = body.read(buffer)) > 0;) {
                if (bytes == 0) {
                    firstByte = System.nanoTime();
                }
                bytes += read;
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpu = server.cpuTime().minus(cpuBefore).toMillis() / 1000.0;
        GcLog.Pauses during = server.gcLog.since(mark);
        long exported = format.equals("csv") ? lines - 1 : lines;
        line("%s: HTTP %d, %d records, %.0f MB in %.1f s (first byte after %.0f ms): %.0f records/s, %.1f MB/s;"
                + " server CPU %.1f s; heap: peak %.0f MB (before the GC pauses of the export, %d pauses, %.0f MB"
                + " committed), live after a full GC %.0f MB",
                format, answer.statusCode(), exported, bytes / 1e6, seconds, (firstByte - started) / 1e6,
                exported / seconds, bytes / 1e6 / seconds, cpu, during.peakUsedMb(), during.count(),
                during.committedMb(), liveHeap(server));
    }

    private static double liveHeap(PayaraMicroServer server) throws IOException, InterruptedException {
        int mark = server.gcLog.mark();
        server.collectGarbage();
        return server.gcLog.since(mark).lastAfterMb();
    }

    /** Records as a busy installation has them: every action, a thousand people, a hundred projects, over a year. */
    private static void insert(BenchDatabase database, int records) throws SQLException {
        try (Connection db = DriverManager.getConnection(database.url(), database.user(), database.password());
                PreparedStatement insert = db.prepareStatement("insert into audit_record (at, who, action, reason,"
                        + " issue_key, project_key, connection_id, job_id, link, source_address, outcome)"
                        + " select current_timestamp - (i * interval '30 seconds'), 'user' || (i % 1000),"
                        + " (array['TRIGGER_RECEIVED', 'JOB_STARTED', 'JOB_ENDED', 'TRIGGER_REFUSED'])[1 + i % 4],"
                        + " case when i % 4 = 3 then 'NO_REPOSITORY' end, 'P' || (i % 100) || '-' || i, 'P' || (i %"
                        + " 100), '0b0f6a4e-5a0c-4f4e-9a6f-3f1d7c2b9e10', md5(i::text)::uuid::text,"
                        + " 'https://app.openhands.example.com/conversations/' || md5(i::text),"
                        + " '10.1.' || (i % 250) || '.' || (i % 200), 'started in acme/web-app, comment ' || i"
                        + " from generate_series(1, ?) as i")) {
            insert.setInt(1, records);
            insert.executeUpdate();
        }
    }

    private void line(String format, Object... values) {
        String text = String.format(Locale.ROOT, format, values);
        System.out.println(text);
        report.append(text).append('\n');
    }
}
