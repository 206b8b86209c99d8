package dev.openhands.jiradc.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import dev.openhands.jiradc.testing.ActiveConnection;
import dev.openhands.jiradc.testing.Ports;
import dev.openhands.jiradc.testing.TestEnvironment;
import dev.openhands.jiradc.testing.browser.Browser;
import dev.openhands.jiradc.testing.identity.IdentityProvider;
import dev.openhands.jiradc.testing.jira.JiraStubs;
import dev.openhands.jiradc.testing.server.GcLog;
import dev.openhands.jiradc.testing.server.PayaraMicroServer;
import dev.openhands.jiradc.testing.server.PayaraMicroServer.CpuTicks;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Load on the webhook receiver beside two baselines on one Payara Micro: one that only checks the signature
 * ({@link BaselineReceiver}, "bare") and one that does the work a receiver must do before it answers, the most direct
 * way ({@link SameWorkReceiver}, "same-work"). In turns, each with the endpoints in an order drawn anew: throughput at
 * saturation and the server's CPU per delivery, latency at a fixed rate, the server's heap after a full GC. Prints the
 * spread of each figure over the turns and never fails on them. {@code ./mvnw -Pbenchmark} runs it; its knobs are in
 * {@code src/test/resources/bench/benchmark.properties} ({@link Knobs}); docs/dev/benchmarks.md.
 */
public final class WebhookBenchmark {

    /** Issue 19: the service's throughput at least 0.85 of the same-work baseline's. */
    private static final double THROUGHPUT_TARGET = 0.85;
    private static final double P99_TARGET_MS = 25;
    private static final double HEAP_TARGET_MB = 512;
    private static final int MIN_TURNS = 3;
    private static final Pattern COUNTS = Pattern.compile("\\{\"triggers\":(\\d+),\"logLines\":(\\d+)}");

    /** Where the build put things (set by the pom), and the knobs every benchmark shares. */
    record Options(Path payaraMicroJar, Path war, Path directory, String serverHeap, List<String> serverOptions,
            Knobs knobs) {

        static Options from(Knobs knobs, String heapKnob) {
            return new Options(Path.of(System.getProperty("bench.payara-micro-jar", payaraMicroJarOnClassPath())),
                    Path.of(System.getProperty("bench.war", "target/openhands-jira-dc.war")).toAbsolutePath(),
                    Path.of(System.getProperty("bench.directory", "target/benchmark")).toAbsolutePath(),
                    knobs.string(heapKnob),
                    List.of(knobs.string("server.options").split("\\s+")).stream().filter(o -> !o.isEmpty()).toList(),
                    knobs);
        }

        /** A new embedded H2 file, for the benchmarks that always run on H2. */
        String h2Url() {
            return "jdbc:h2:file:" + directory.resolve("db").resolve("bench-" + System.currentTimeMillis());
        }

        private static String payaraMicroJarOnClassPath() {
            return List.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator)).stream()
                    .filter(entry -> Path.of(entry).getFileName().toString().startsWith("payara-micro-")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("set bench.payara-micro-jar to the Payara Micro jar"));
        }
    }

    /** One turn: each endpoint's figures, in the order they ran, and the server's heap. */
    record Turn(List<EndpointTurn> endpoints, double peakHeapMb, double liveHeapMb) {

        EndpointTurn of(Target target) {
            return endpoints.stream().filter(e -> e.target().equals(target)).findFirst().orElseThrow();
        }
    }

    private final Options options;
    private final Knobs knobs;
    private final TestEnvironment env = TestEnvironment.forLoad();

    private WebhookBenchmark(Options options) {
        this.options = options;
        this.knobs = options.knobs();
    }

    public static void main(String[] args) throws Exception {
        quietLibraryLogging();
        WebhookBenchmark benchmark = new WebhookBenchmark(Options.from(Knobs.load(), "webhook.server.heap"));
        try {
            benchmark.run();
        } finally {
            benchmark.env.stop();
        }
    }

    private void run() throws Exception {
        if (!Files.isRegularFile(options.war())) {
            throw new IllegalStateException(
                    options.war() + " is missing: run 'mvn -Pbenchmark', which packages it first");
        }
        int turns = knobs.integer("turns");
        if (turns < MIN_TURNS) {
            throw new IllegalArgumentException("turns must be at least " + MIN_TURNS + " for a spread, not " + turns);
        }
        long seed = knobs.optionalLong("seed").orElseGet(System::nanoTime);
        Files.createDirectories(options.directory());
        // the service account, as Jira describes it to its PAT: the receiver learns its name and key at startup
        env.jira.stubFor(
                get("/rest/api/2/myself").withHeader("Authorization", equalTo("Bearer " + env.settings.servicePat))
                        .willReturn(okJson(
                                JiraStubs.user(env.jiraUrl(), "openhands", "JIRAUSER10500", "openhands-bot@example.com",
                                        "OpenHands"))));
        // Jira takes the comments the service posts on triggers from people it does not know ("connect your account")
        env.jira.stubFor(post(urlPathMatching("/rest/api/2/issue/[^/]+/comment"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"1\"}")));
        String baselineSecret = UUID.randomUUID().toString();
        double loadBefore = loadAverage();

        try (BenchDatabase database = BenchDatabase.from(knobs, options.directory())) {
            Map<String, String> systemProperties = new LinkedHashMap<>(env.settings.values());
            systemProperties.putAll(database.serverProperties());
            systemProperties.put(BaselineSignature.SECRET_PROPERTY, baselineSecret);
            System.out.printf("Starting Payara Micro (-Xmx%s) with %s and the baselines on %s; its log: %s%n",
                    options.serverHeap(),
                    options.war().getFileName(), database.description(), options.directory().resolve("payara.log"));
            try (PayaraMicroServer server = PayaraMicroServer.start(options.payaraMicroJar(), options.serverHeap(),
                    Ports.free(),
                    systemProperties, List.of(options.war(), baselineWar()), options.directory(),
                    options.serverOptions())) {
                server.awaitReady(Duration.ofMinutes(4));
                Target bare = new Target("bare", server.uri("/baseline/connections/bench/events"), baselineSecret);
                Target sameWork = new Target("same-work", server.uri("/baseline/same-work/connections/bench/events"),
                        baselineSecret);
                Target service = activeConnection(server);
                List<Target> targets = List.of(bare, sameWork, service);
                Workload workload = new Workload(env.jiraUrl(), knobs.integer("trigger-every"));
                LoadGenerator load = new LoadGenerator(workload);

                Duration warmedUp = warmUp(server, load, targets);
                long[] sameWorkBefore = sameWorkCounts(server);
                long triggersBefore = load.total(sameWork).triggers();
                long okBefore = load.total(sameWork).ok();
                Random order = new Random(seed);
                List<Turn> measured = new ArrayList<>();
                for (int turn = 1; turn <= turns; turn++) {
                    List<Target> inOrder = new ArrayList<>(targets);
                    Collections.shuffle(inOrder, order);
                    measured.add(turn(server, load, inOrder, turn, turns));
                }
                // the last delivery-log lines are written a quarter second after their answers
                Thread.sleep(2 * SameWorkStore.FLUSH_MILLIS + 500);
                long[] sameWorkAfter = sameWorkCounts(server);
                String report = report(measured, targets, workload, database, warmedUp, seed, loadBefore, loadAverage())
                        + sameWorkCheck(load.total(sameWork).triggers() - triggersBefore,
                                sameWorkAfter[0] - sameWorkBefore[0],
                                load.total(sameWork).ok() - okBefore, sameWorkAfter[1] - sameWorkBefore[1])
                        + String.format(Locale.ROOT,
                                "Service, over the whole run: %d triggers committed to the inbox, %d duplicates,"
                                        + " of %d deliveries answered%n",
                                load.total(service).triggers(), load.total(service).duplicates(),
                                load.total(service).ok());
                System.out.println();
                System.out.print(report);
                Files.writeString(options.directory().resolve("results.txt"), report);
            }
        }
    }

    /** Each endpoint saturated, then at the fixed rate, in {@code inOrder}; then a full GC for the live heap. */
    private Turn turn(PayaraMicroServer server, LoadGenerator load, List<Target> inOrder, int turn, int turns)
            throws Exception {
        System.out.printf("Turn %d of %d: %s%n", turn, turns, inOrder.stream().map(Target::name).toList());
        int gcMark = server.gcLog.mark();
        Duration window = knobs.seconds("saturation.seconds");
        Map<Target, Outcomes> saturated = new LinkedHashMap<>();
        Map<Target, Duration> cpu = new LinkedHashMap<>();
        Map<Target, CpuTicks> threads = new LinkedHashMap<>();
        for (Target target : inOrder) {
            Duration cpuBefore = server.cpuTime();
            CpuTicks ticksBefore = server.cpuTicks();
            saturated.put(target, load.saturate(target, knobs.integer("clients"), window).outcomes());
            Thread.sleep(knobs.seconds("settle.seconds").toMillis());
            cpu.put(target, server.cpuTime().minus(cpuBefore));
            threads.put(target, server.cpuTicks().minus(ticksBefore));
        }
        List<EndpointTurn> endpoints = new ArrayList<>();
        for (Target target : inOrder) {
            LoadGenerator.FixedRate fixedRate = load.fixedRate(target, knobs.integer("rate"),
                    knobs.seconds("latency.seconds"));
            Outcomes answered = saturated.get(target);
            endpoints.add(new EndpointTurn(target, answered.ok(), window, cpu.get(target), threads.get(target),
                    fixedRate.latencyMicros().getValueAtPercentile(99) / 1e3,
                    answered.failed() + fixedRate.outcomes().failed()));
            if (answered.failed() + fixedRate.outcomes().failed() > 0) {
                System.out.printf("  %s failures, the first: %s%s%n", target.name(), answered.firstFailure(),
                        fixedRate.outcomes().firstFailure());
            }
        }
        GcLog.Pauses duringTurn = server.gcLog.since(gcMark);
        int fullGcMark = server.gcLog.mark();
        server.collectGarbage();
        GcLog.Pauses fullGc = server.gcLog.since(fullGcMark);
        Turn measured = new Turn(endpoints, duringTurn.peakUsedMb(),
                fullGc.count() == 0 ? Double.NaN : fullGc.lastAfterMb());
        for (EndpointTurn e : endpoints) {
            System.out.printf(Locale.ROOT,
                    "  %-9s %7.0f req/s, %5.0f µs server CPU per delivery (%.0f answering, %.0f in the background),"
                            + " p99 at %d/s %6.2f ms%n",
                    e.target().name(), e.perSecond(), e.serverCpuMicrosPerDelivery(),
                    e.serverCpuMicrosPerDelivery(CpuTicks.REQUESTS), e.serverCpuMicrosPerDelivery(CpuTicks.BACKGROUND),
                    knobs.integer("rate"), e.p99Ms());
        }
        System.out.printf(Locale.ROOT, "  heap: at most %.0f MB used before a GC, %.0f MB live after a full GC%n",
                measured.peakHeapMb(), measured.liveHeapMb());
        return measured;
    }

    /**
     * Sends the workload to each endpoint in turn, in rounds, until the server's JIT compilers use less than {@code
     * warmup.jit-quiet} of its CPU in a round (or {@code warmup.max-seconds} have passed): what is measured is the
     * steady state, not the JIT still compiling the service's hot code. On a slow machine a single C2 compiler thread
     * takes minutes to work through the code a Payara server with this WAR makes hot.
     */
    private Duration warmUp(PayaraMicroServer server, LoadGenerator load, List<Target> targets)
            throws InterruptedException {
        long start = System.nanoTime();
        Duration round = knobs.seconds("warmup.seconds");
        for (int n = 1;; n++) {
            CpuTicks before = server.cpuTicks();
            for (Target target : targets) {
                LoadGenerator.Saturation warmup = load.saturate(target, knobs.integer("clients"), round);
                if (warmup.outcomes().ok() == 0) {
                    throw new IllegalStateException(
                            target.name() + " answered nothing right: " + warmup.outcomes().firstFailure());
                }
            }
            double compiling = server.cpuTicks().compilerShareSince(before);
            Duration spent = Duration.ofNanos(System.nanoTime() - start);
            System.out.printf(Locale.ROOT,
                    "Warm-up round %d (%d s on each endpoint): the JIT compilers used %.0f %% of the"
                            + " server's CPU%n",
                    n, round.toSeconds(), 100 * compiling);
            if (warmedUp(knobs, compiling, spent)) {
                return spent;
            }
        }
    }

    /**
     * Whether a warm-up is over: the JIT compilers used less than {@code warmup.jit-quiet} of the server's CPU in the
     * last round (or that could not be read), or {@code warmup.max-seconds} have passed.
     */
    static boolean warmedUp(Knobs knobs, double compiling, Duration spent) {
        return !(compiling >= knobs.decimal("warmup.jit-quiet"))
                || spent.compareTo(knobs.seconds("warmup.max-seconds")) >= 0;
    }

    /** A manual connection made and activated through the admin API, as an admin would, and its secret. */
    private Target activeConnection(PayaraMicroServer server) throws IOException {
        Browser admin = env.signIn(server.uri("/").toURL(), "bench-admin", "bench-admin@example.com",
                List.of(IdentityProvider.ADMIN_GROUP));
        ActiveConnection connection = ActiveConnection.create(server.uri("/").toURL(), admin);
        return new Target("service", server.uri("/integration/jira-dc/connections/" + connection.id() + "/events"),
                connection.secret());
    }

    /** Whether the same-work baseline kept what it answered: a row for each trigger, a log line for each delivery. */
    static String sameWorkCheck(long triggersAnswered, long triggerRows, long deliveriesAnswered, long logLines) {
        boolean kept = triggersAnswered == triggerRows && deliveriesAnswered == logLines;
        return String.format(Locale.ROOT,
                "Same-work baseline, over the turns: %d triggers answered, %d trigger rows committed to"
                        + " its table; %d deliveries answered, %d delivery-log lines written: %s%n",
                triggersAnswered, triggerRows,
                deliveriesAnswered, logLines, kept ? "all kept" : "MISMATCH, see payara.log");
    }

    /** The same-work baseline's trigger rows and delivery-log lines, as it counts them in its database. */
    private static long[] sameWorkCounts(PayaraMicroServer server) throws IOException, InterruptedException {
        URI counts = server.uri("/baseline/same-work/counts");
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(counts).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher figures = COUNTS.matcher(response.body());
        if (response.statusCode() != 200 || !figures.matches()) {
            throw new IllegalStateException(counts + " answered " + response.statusCode() + " " + response.body());
        }
        return new long[]{Long.parseLong(figures.group(1)), Long.parseLong(figures.group(2))};
    }

    /**
     * The baselines as their own small WAR, which Payara deploys at /baseline, with a connection pool set as the
     * service's (its glassfish-resources.xml) and the JDBC drivers the service bundles.
     */
    private Path baselineWar() {
        Path file = options.directory().resolve("baseline.war");
        ShrinkWrap.create(WebArchive.class, "baseline.war")
                .addClasses(BaselineApplication.class, BaselineReceiver.class, BaselineSignature.class,
                        SameWorkReceiver.class,
                        SameWorkStore.class, SameWorkStore.Line.class, BaselineDataSource.class)
                .addAsWebInfResource(new StringAsset(
                        """
                                <?xml version="1.0" encoding="UTF-8"?>
                                <!DOCTYPE resources PUBLIC "-//GlassFish.org//DTD GlassFish Application Server 3.1 \
                                Resource Definitions//EN"
                                        "http://glassfish.org/dtds/glassfish-resources_1_5.dtd">
                                <resources>
                                    <jdbc-connection-pool name="java:app/baseline-pool"
                                                          datasource-classname="%s"
                                                          res-type="javax.sql.DataSource"
                                                          steady-pool-size="1" max-pool-size="20"
                                                          statement-cache-size="64"/>
                                    <jdbc-resource pool-name="java:app/baseline-pool"
                                                   jndi-name="java:app/jdbc/baseline"/>
                                </resources>
                                """
                                .formatted(BaselineDataSource.class.getName())),
                        "glassfish-resources.xml")
                .addAsLibraries(jarOf(org.h2.Driver.class).toFile(), jarOf(org.postgresql.Driver.class).toFile())
                .as(ZipExporter.class).exportTo(file.toFile(), true);
        return file;
    }

    private static Path jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private String report(List<Turn> turns, List<Target> targets, Workload workload, BenchDatabase database,
            Duration warmedUp,
            long seed, double loadBefore, double loadAfter) {
        Target bare = targets.get(0);
        Target sameWork = targets.get(1);
        Target service = targets.get(2);
        int rate = knobs.integer("rate");
        StringBuilder out = new StringBuilder();
        line(out,
                "Webhook receiver benchmark: Payara Micro -Xmx%s, %d CPUs, load average %.2f before and %.2f after the"
                        + " run",
                options.serverHeap(), Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter);
        line(out, "Workload: %d in %d issue updates that trigger nothing, 1 in %d new comments mentioning @openhands"
                + " (unique ids); about %.1f KB each, signed", workload.triggerEvery() - 1, workload.triggerEvery(),
                workload.triggerEvery(), workload.typicalBodyBytes() / 1024.0);
        line(out, "Database: %s", database.description());
        line(out,
                "Warm-up: %d s, all endpoints in turns, until the JIT compilers used less than %.0f %% of the server's"
                        + " CPU (at most %d s)",
                warmedUp.toSeconds(), 100 * knobs.decimal("warmup.jit-quiet"),
                knobs.seconds("warmup.max-seconds").toSeconds());
        line(out,
                "%d turns, each endpoint in an order drawn anew each turn (seed=%d): saturated by %d clients for %d s"
                        + " (its server CPU counted until %d s after), then %d deliveries/s for %d s",
                turns.size(), seed, knobs.integer("clients"),
                knobs.integer("saturation.seconds"), knobs.integer("settle.seconds"), rate,
                knobs.integer("latency.seconds"));
        line(out, "");
        line(out, "Each turn (req/s at saturation, server CPU per delivery, JIT share, p99 at %d/s; heap):", rate);
        for (int i = 0; i < turns.size(); i++) {
            Turn turn = turns.get(i);
            StringBuilder endpoints = new StringBuilder();
            for (EndpointTurn e : turn.endpoints()) {
                endpoints.append(String.format(Locale.ROOT, "%s %.0f/s %.0f µs %.0f%% %.2f ms%s; ", e.target().name(),
                        e.perSecond(),
                        e.serverCpuMicrosPerDelivery(), 100 * e.jitShare(), e.p99Ms(),
                        e.failed() > 0 ? " (" + e.failed() + " failed)" : ""));
            }
            line(out, "  %d. %sheap %.0f MB peak, %.0f MB live", i + 1, endpoints, turn.peakHeapMb(),
                    turn.liveHeapMb());
        }
        line(out, "");
        line(out, "Spread over the turns, min / median / max:");
        line(out, "%-22s | %-26s | %-28s | %-24s", "endpoint", "req/s at saturation", "server CPU per delivery, µs",
                "p99 at " + rate + "/s, ms");
        for (Target target : targets) {
            line(out, "%-22s | %-26s | %-28s | %-24s", target.name(),
                    spread(turns, t -> t.of(target).perSecond(), "%.0f"),
                    spread(turns, t -> t.of(target).serverCpuMicrosPerDelivery(), "%.0f"),
                    spread(turns, t -> t.of(target).p99Ms(), "%.2f"));
        }
        for (Target baseline : List.of(sameWork, bare)) {
            line(out, "%-22s | %-26s | %-28s | %-24s", "service/" + baseline.name(),
                    spread(turns, t -> t.of(service).perSecond() / t.of(baseline).perSecond(), "%.2f"),
                    spread(turns,
                            t -> t.of(service).serverCpuMicrosPerDelivery()
                                    / t.of(baseline).serverCpuMicrosPerDelivery(),
                            "%.2f"),
                    spread(turns, t -> t.of(service).p99Ms() / t.of(baseline).p99Ms(), "%.2f"));
        }
        line(out,
                "(ratios taken within each turn, then spread; server CPU: the server process's CPU time from the start"
                        + " of an");
        line(out, " endpoint's saturation until it settled, over the deliveries answered 200 in the window)");
        line(out, "Server CPU per delivery by thread, µs (answering: Payara's HTTP threads; background: the"
                + " application's managed threads: the service's trigger processing, both delivery logs' writes):");
        for (Target target : targets) {
            line(out, "  %-9s answering %s, background %s, the rest (JIT, GC, Payara) %s", target.name(),
                    spread(turns, t -> t.of(target).serverCpuMicrosPerDelivery(CpuTicks.REQUESTS), "%.0f"),
                    spread(turns, t -> t.of(target).serverCpuMicrosPerDelivery(CpuTicks.BACKGROUND), "%.0f"),
                    spread(turns, t -> t.of(target).serverCpuMicrosPerDelivery()
                            - t.of(target).serverCpuMicrosPerDelivery(CpuTicks.REQUESTS)
                            - t.of(target).serverCpuMicrosPerDelivery(CpuTicks.BACKGROUND), "%.0f"));
        }
        line(out, "  service/same-work, answering alone: %s", spread(turns,
                t -> t.of(service).serverCpuMicrosPerDelivery(CpuTicks.REQUESTS)
                        / t.of(sameWork).serverCpuMicrosPerDelivery(CpuTicks.REQUESTS),
                "%.2f"));
        line(out, "Heap (-Xmx%s): live after a full GC at the end of each turn %s MB; at most %s MB used before a GC",
                options.serverHeap(), spread(turns, Turn::liveHeapMb, "%.0f"), spread(turns, Turn::peakHeapMb, "%.0f"));
        line(out, "");
        Spread cpuRatio = Spread.of(turns.stream().map(t -> t.of(service).serverCpuMicrosPerDelivery()
                / t.of(sameWork).serverCpuMicrosPerDelivery()).toList());
        Spread throughputRatio = Spread
                .of(turns.stream().map(t -> t.of(service).perSecond() / t.of(sameWork).perSecond()).toList());
        Spread p99 = Spread.of(turns.stream().map(t -> t.of(service).p99Ms()).toList());
        Spread live = Spread.of(turns.stream().map(Turn::liveHeapMb).toList());
        line(out, "Targets (medians; reported, never enforced):");
        line(out, "  server CPU per delivery <= %.2f x same-work's (1/%.2f): %.2f, %s", 1 / THROUGHPUT_TARGET,
                THROUGHPUT_TARGET,
                cpuRatio.median(), cpuRatio.median() <= 1 / THROUGHPUT_TARGET ? "met" : "MISSED");
        line(out, "  throughput >= %.2f x same-work's: %.2f, %s", THROUGHPUT_TARGET, throughputRatio.median(),
                throughputRatio.median() >= THROUGHPUT_TARGET ? "met" : "MISSED");
        line(out, "  p99 at %d/s < %.0f ms: %.2f ms, %s", rate, P99_TARGET_MS, p99.median(),
                p99.median() < P99_TARGET_MS ? "met" : "MISSED");
        line(out, "  live heap < %.0f MB: at most %.0f MB, %s", HEAP_TARGET_MB, live.max(),
                live.max() < HEAP_TARGET_MB ? "met" : "MISSED");
        return out.toString();
    }

    private static String spread(List<Turn> turns, ToDoubleFunction<Turn> figure, String format) {
        Spread spread = Spread.of(turns.stream().map(figure::applyAsDouble).toList());
        return String.format(Locale.ROOT, format + " / " + format + " / " + format, spread.min(), spread.median(),
                spread.max());
    }

    private static void line(StringBuilder out, String format, Object... values) {
        out.append(String.format(Locale.ROOT, format, values)).append(System.lineSeparator());
    }

    /** The identity provider and WireMock log every request at DEBUG (logback's default without a configuration). */
    static void quietLibraryLogging() {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
    }

    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
