package dev.openhands.jiradc.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import dev.openhands.jiradc.testing.ActiveConnection;
import dev.openhands.jiradc.testing.Browser;
import dev.openhands.jiradc.testing.GcLog;
import dev.openhands.jiradc.testing.IdentityProvider;
import dev.openhands.jiradc.testing.JiraStubs;
import dev.openhands.jiradc.testing.PayaraMicroServer;
import dev.openhands.jiradc.testing.Ports;
import dev.openhands.jiradc.testing.TestEnvironment;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Load on the webhook receiver, beside a baseline that only checks the signature, on one Payara
 * Micro: throughput at saturation, latency at a fixed rate, the server's heap. Prints figures and
 * never fails on them. {@code mvn -Pbenchmark} runs it; README, "Benchmarks".
 *
 * <p>Settings (system properties): {@code bench.warmup.seconds} (a warm-up round on each endpoint),
 * {@code bench.warmup.max-seconds}, {@code bench.warmup.jit-quiet}, {@code bench.saturation.seconds} (per endpoint,
 * in {@code bench.saturation.turns}), {@code bench.clients}, {@code bench.latency.seconds}, {@code bench.rate}, {@code bench.server.heap},
 * {@code bench.datasource.url}, and where things are: {@code bench.payara-micro-jar}, {@code bench.war},
 * {@code bench.directory}.
 */
public final class WebhookBenchmark {

    private static final double THROUGHPUT_TARGET = 0.8;
    private static final double P99_TARGET_MS = 25;
    private static final double HEAP_TARGET_MB = 512;

    record Options(Path payaraMicroJar, Path war, Path directory, Duration warmup, Duration warmupMax, double jitQuiet,
            Duration saturation, int saturationTurns, int clients, Duration latency, int rate, String serverHeap,
            String datasourceUrl) {

        static Options fromSystemProperties() {
            return new Options(Path.of(System.getProperty("bench.payara-micro-jar", payaraMicroJarOnClassPath())),
                    Path.of(System.getProperty("bench.war", "target/openhands-jira-dc.war")).toAbsolutePath(),
                    Path.of(System.getProperty("bench.directory", "target/benchmark")).toAbsolutePath(),
                    Duration.ofSeconds(Long.getLong("bench.warmup.seconds", 15)),
                    Duration.ofSeconds(Long.getLong("bench.warmup.max-seconds", 900)),
                    Double.parseDouble(System.getProperty("bench.warmup.jit-quiet", "0.05")),
                    Duration.ofSeconds(Long.getLong("bench.saturation.seconds", 40)),
                    Integer.getInteger("bench.saturation.turns", 8),
                    Integer.getInteger("bench.clients", 16),
                    Duration.ofSeconds(Long.getLong("bench.latency.seconds", 30)),
                    Integer.getInteger("bench.rate", 200),
                    System.getProperty("bench.server.heap", "512m"),
                    System.getProperty("bench.datasource.url", "jdbc:h2:file:" + Path.of("target/benchmark/db/bench-"
                            + System.currentTimeMillis()).toAbsolutePath()));
        }

        private static String payaraMicroJarOnClassPath() {
            return List.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator)).stream()
                    .filter(entry -> Path.of(entry).getFileName().toString().startsWith("payara-micro-")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("set bench.payara-micro-jar to the Payara Micro jar"));
        }
    }

    /** One endpoint's figures: closed-loop throughput (with the server CPU it took) and open-loop latency. */
    record Figures(Target target, LoadGenerator.Saturation saturation, Duration serverCpu, Duration clientCpu,
            double jitShare, LoadGenerator.FixedRate fixedRate) {

        double serverCpuMicrosPerDelivery() {
            return serverCpu.toNanos() / 1e3 / Math.max(1, saturation.outcomes().ok());
        }

        double clientCpuMicrosPerDelivery() {
            return clientCpu.toNanos() / 1e3 / Math.max(1, saturation.outcomes().ok());
        }

        double p50Ms() {
            return fixedRate.latencyMicros().getValueAtPercentile(50) / 1e3;
        }

        double p99Ms() {
            return fixedRate.latencyMicros().getValueAtPercentile(99) / 1e3;
        }

        double maxMs() {
            return fixedRate.latencyMicros().getMaxValue() / 1e3;
        }

        long failed() {
            return saturation.outcomes().failed() + fixedRate.outcomes().failed();
        }
    }

    private final Options options;
    private final TestEnvironment env = TestEnvironment.forLoad();

    private WebhookBenchmark(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        quietLibraryLogging();
        WebhookBenchmark benchmark = new WebhookBenchmark(Options.fromSystemProperties());
        try {
            benchmark.run();
        } finally {
            benchmark.env.stop();
        }
    }

    private void run() throws Exception {
        if (!Files.isRegularFile(options.war())) {
            throw new IllegalStateException(options.war() + " is missing: run 'mvn -Pbenchmark', which packages it first");
        }
        Files.createDirectories(options.directory());
        // the service account, as Jira describes it to its PAT: the receiver learns its name and key at startup
        env.jira.stubFor(get("/rest/api/2/myself").withHeader("Authorization", equalTo("Bearer " + env.settings.servicePat))
                .willReturn(okJson(JiraStubs.user(env.jiraUrl(), "openhands", "JIRAUSER10500", "openhands-bot@example.com",
                        "OpenHands"))));
        // Jira takes the comments the service posts on triggers from people it does not know ("connect your account")
        env.jira.stubFor(post(urlPathMatching("/rest/api/2/issue/[^/]+/comment"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("{\"id\":\"1\"}")));
        String baselineSecret = UUID.randomUUID().toString();
        Map<String, String> systemProperties = new LinkedHashMap<>(env.settings.values());
        systemProperties.put("datasource.url", options.datasourceUrl());
        systemProperties.put(BaselineReceiver.SECRET_PROPERTY, baselineSecret);
        double loadBefore = loadAverage();

        System.out.printf("Starting Payara Micro (-Xmx%s) with %s and the baseline; its log: %s%n", options.serverHeap(),
                options.war().getFileName(), options.directory().resolve("payara.log"));
        try (PayaraMicroServer server = PayaraMicroServer.start(options.payaraMicroJar(), options.serverHeap(), Ports.free(),
                systemProperties, List.of(options.war(), baselineWar()), options.directory())) {
            server.awaitReady(Duration.ofMinutes(4));
            Target baseline = new Target("baseline", server.uri("/baseline/connections/bench/events"), baselineSecret);
            Target service = activeConnection(server);
            Workload workload = new Workload(env.jiraUrl());
            LoadGenerator load = new LoadGenerator(workload);
            List<Target> targets = List.of(baseline, service);

            Duration warmedUp = warmUp(server, load, targets);
            int gcMark = server.gcLog.mark();
            // in turns, a few seconds each, so that both endpoints meet the same drifts of a shared machine
            Map<Target, Outcomes> answered = new LinkedHashMap<>();
            Map<Target, Duration> serverCpu = new LinkedHashMap<>();
            Map<Target, Duration> clientCpu = new LinkedHashMap<>();
            Map<Target, PayaraMicroServer.CpuTicks> ticks = new LinkedHashMap<>();
            Duration turn = options.saturation().dividedBy(options.saturationTurns());
            System.out.printf("Saturating each endpoint with %d clients for %d s, in %d turns%n", options.clients(),
                    options.saturation().toSeconds(), options.saturationTurns());
            for (int round = 0; round < options.saturationTurns(); round++) {
                for (Target target : targets) {
                    Duration serverCpuBefore = server.cpuTime();
                    Duration clientCpuBefore = ownCpuTime();
                    PayaraMicroServer.CpuTicks ticksBefore = server.cpuTicks();
                    load.saturate(target, options.clients(), turn, answered.computeIfAbsent(target, t -> new Outcomes()));
                    serverCpu.merge(target, server.cpuTime().minus(serverCpuBefore), Duration::plus);
                    clientCpu.merge(target, ownCpuTime().minus(clientCpuBefore), Duration::plus);
                    ticks.merge(target, server.cpuTicks().minus(ticksBefore), PayaraMicroServer.CpuTicks::plus);
                }
            }
            Map<Target, LoadGenerator.Saturation> saturation = new LinkedHashMap<>();
            answered.forEach((target, outcomes) -> saturation.put(target,
                    new LoadGenerator.Saturation(outcomes, turn.multipliedBy(options.saturationTurns()))));
            Map<Target, Double> jitShare = new LinkedHashMap<>();
            ticks.forEach((target, used) -> jitShare.put(target, used.compilerShare()));
            List<Figures> figures = new ArrayList<>();
            for (Target target : targets) {
                System.out.printf("Sending %d deliveries/s to %s for %d s%n", options.rate(), target.name(),
                        options.latency().toSeconds());
                figures.add(new Figures(target, saturation.get(target), serverCpu.get(target), clientCpu.get(target),
                        jitShare.get(target), load.fixedRate(target, options.rate(), options.latency())));
            }
            GcLog.Pauses duringLoad = server.gcLog.since(gcMark);
            int fullGcMark = server.gcLog.mark();
            server.collectGarbage();
            GcLog.Pauses fullGc = server.gcLog.since(fullGcMark);
            String report = report(figures, workload, warmedUp, duringLoad, fullGc, loadBefore, loadAverage());
            System.out.println();
            System.out.print(report);
            Files.writeString(options.directory().resolve("results.txt"), report);
        }
    }

    /**
     * Sends the workload to each endpoint in turn, in rounds, until the server's JIT compilers use less than
     * {@code bench.warmup.jit-quiet} of its CPU in a round (or {@code bench.warmup.max-seconds} have passed): what is
     * measured is the steady state, not the JIT still compiling the service's hot code. On a slow machine a single
     * C2 compiler thread takes minutes to work through the code a Payara server with this WAR makes hot.
     */
    private Duration warmUp(PayaraMicroServer server, LoadGenerator load, List<Target> targets) throws InterruptedException {
        long start = System.nanoTime();
        for (int round = 1; ; round++) {
            PayaraMicroServer.CpuTicks before = server.cpuTicks();
            for (Target target : targets) {
                LoadGenerator.Saturation warmup = load.saturate(target, options.clients(), options.warmup());
                if (warmup.outcomes().ok() == 0) {
                    throw new IllegalStateException(target.name() + " answered nothing right: " + warmup.outcomes().firstFailure());
                }
            }
            double compiling = server.cpuTicks().compilerShareSince(before);
            Duration spent = Duration.ofNanos(System.nanoTime() - start);
            System.out.printf(Locale.ROOT, "Warm-up round %d (%d s on each endpoint): the JIT compilers used %.0f %% of the"
                    + " server's CPU%n", round, options.warmup().toSeconds(), 100 * compiling);
            if (!(compiling >= options.jitQuiet()) || spent.compareTo(options.warmupMax()) >= 0) {
                return spent;
            }
        }
    }

    /** A manual connection made and activated through the admin API, as an admin would, and its secret. */
    private Target activeConnection(PayaraMicroServer server) throws IOException {
        Browser admin = env.signIn(server.uri("/").toURL(), "bench-admin", "bench-admin@example.com",
                List.of(IdentityProvider.ADMIN_GROUP));
        ActiveConnection connection = ActiveConnection.create(server.uri("/").toURL(), admin);
        return new Target("service", server.uri("/integration/jira-dc/connections/" + connection.id() + "/events"),
                connection.secret());
    }

    /** The baseline as its own small WAR; Payara deploys it at /baseline. */
    private Path baselineWar() {
        Path file = options.directory().resolve("baseline.war");
        ShrinkWrap.create(WebArchive.class, "baseline.war").addClasses(BaselineApplication.class, BaselineReceiver.class)
                .as(ZipExporter.class).exportTo(file.toFile(), true);
        return file;
    }

    private String report(List<Figures> figures, Workload workload, Duration warmedUp, GcLog.Pauses duringLoad,
            GcLog.Pauses fullGc, double loadBefore, double loadAfter) {
        Figures baseline = figures.get(0);
        Figures service = figures.get(1);
        StringBuilder out = new StringBuilder();
        line(out, "Webhook receiver benchmark: Payara Micro -Xmx%s, %d CPUs, load average %.2f before and %.2f after the run",
                options.serverHeap(), Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter);
        line(out, "Workload: %d in %d issue updates that trigger nothing, 1 in %d new comments mentioning @openhands"
                + " (unique ids); about %.1f KB each, signed", Workload.TRIGGER_EVERY - 1, Workload.TRIGGER_EVERY,
                Workload.TRIGGER_EVERY, workload.typicalBodyBytes() / 1024.0);
        line(out, "Database: %s", options.datasourceUrl());
        line(out, "Warm-up: %d s, both endpoints in turns, until the JIT compilers used less than %.0f %% of the server's CPU"
                + " (at most %d s)", warmedUp.toSeconds(), 100 * options.jitQuiet(), options.warmupMax().toSeconds());
        line(out, "");
        line(out, "%-16s | %-42s | %-40s", "", "saturation: " + options.clients() + " clients, " + options.saturation().toSeconds()
                + " s in " + options.saturationTurns() + " turns",
                "fixed " + options.rate() + " deliveries/s for " + options.latency().toSeconds() + " s");
        line(out, "%-16s | %8s %13s %13s %5s | %9s %9s %9s %10s", "endpoint", "req/s", "server CPU", "client CPU", "JIT",
                "p50", "p99", "max", "failed");
        for (Figures endpoint : figures) {
            line(out, "%-16s | %8.0f %10.0f µs %10.0f µs %4.0f%% | %6.2f ms %6.2f ms %6.1f ms %10d", endpoint.target().name(),
                    endpoint.saturation().perSecond(), endpoint.serverCpuMicrosPerDelivery(), endpoint.clientCpuMicrosPerDelivery(),
                    100 * endpoint.jitShare(), endpoint.p50Ms(), endpoint.p99Ms(), endpoint.maxMs(), endpoint.failed());
        }
        double throughputRatio = service.saturation().perSecond() / baseline.saturation().perSecond();
        line(out, "%-16s | %8.2f %13.2f %13s %5s | %9.2f %9.2f %9.2f", "service/baseline", throughputRatio,
                service.serverCpuMicrosPerDelivery() / baseline.serverCpuMicrosPerDelivery(), "", "",
                service.p50Ms() / baseline.p50Ms(), service.p99Ms() / baseline.p99Ms(), service.maxMs() / baseline.maxMs());
        line(out, "(CPU columns: CPU time per delivery answered at saturation, of the server process and of this load generator;"
                + " JIT: the share of the server's CPU its JIT compilers used meanwhile)");
        line(out, "");
        Outcomes answered = service.saturation().outcomes();
        line(out, "Service answers at saturation: %d triggers committed to the inbox, %d duplicates, out of %d deliveries",
                answered.triggers(), answered.duplicates(), answered.ok());
        for (Figures endpoint : figures) {
            if (endpoint.failed() > 0) {
                line(out, "%s failures, the first: %s", endpoint.target().name(),
                        endpoint.saturation().outcomes().failed() > 0 ? endpoint.saturation().outcomes().firstFailure()
                                : endpoint.fixedRate().outcomes().firstFailure());
            }
        }
        line(out, "Server heap (-Xmx%s): at most %.0f MB used (before a GC), %.0f MB committed; %.0f MB live after a full GC"
                + " at the end", options.serverHeap(), duringLoad.peakUsedMb(), duringLoad.committedMb(), fullGc.lastAfterMb());
        line(out, "GC during the measurements: %d pauses, %.0f ms in all, the longest %.1f ms", duringLoad.count(),
                duringLoad.totalMs(), duringLoad.longestMs());
        line(out, "");
        line(out, "Targets (reported, never enforced):");
        line(out, "  throughput >= %.1f x baseline: %.2f, %s", THROUGHPUT_TARGET, throughputRatio,
                throughputRatio >= THROUGHPUT_TARGET ? "met" : "MISSED");
        line(out, "  p99 at %d/s < %.0f ms: %.2f ms, %s", options.rate(), P99_TARGET_MS, service.p99Ms(),
                service.p99Ms() < P99_TARGET_MS ? "met" : "MISSED");
        line(out, "  heap < %.0f MB: at most %.0f MB used, %s", HEAP_TARGET_MB, duringLoad.peakUsedMb(),
                duringLoad.peakUsedMb() < HEAP_TARGET_MB ? "met" : "MISSED");
        return out.toString();
    }

    private static void line(StringBuilder out, String format, Object... values) {
        out.append(String.format(Locale.ROOT, format, values)).append(System.lineSeparator());
    }

    /** The identity provider and WireMock log every request at DEBUG (logback's default without a configuration). */
    static void quietLibraryLogging() {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
    }

    private static Duration ownCpuTime() {
        return Duration.ofNanos(((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime());
    }

    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

}
