package dev.openhands.jiradc.bench;

import dev.openhands.jiradc.testing.Ports;
import dev.openhands.jiradc.testing.TestEnvironment;
import dev.openhands.jiradc.testing.server.ClassDataArchive;
import dev.openhands.jiradc.testing.server.PayaraMicroServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * How long the WAR takes to be ready on Payara Micro, and what Payara Micro takes on its own: from starting the process
 * to its first HTTP answer without the WAR, and to {@code /health/ready} answering 200 with it (deployed, migrated,
 * configured, Jira's service account checked against WireMock), with the resident memory then. Several starts each,
 * alternately, each on a new H2 file database, with the server's JVM on its defaults, with the serial collector, with
 * the quick start of {@code -Prun} and the tests' servers, and with that and a class data archive made once by Payara
 * Micro's {@code --warmup}, as the integration tests' servers start. Prints figures, never fails on them. {@code ./mvnw
 * -Pbenchmark -Dbench.main=StartupBenchmark} (knob {@code starts}, 3 by default).
 */
public final class StartupBenchmark {

    private static final double READY_TARGET_SECONDS = 12;
    /** One GC thread and the fast compiler only: for a server that lives minutes, as in the tests and {@code -Prun}. */
    private static final List<String> QUICK_START = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    private static final Pattern DEPLOYED = Pattern.compile("was successfully deployed in ([\\d,.]+) milliseconds");

    record Start(double seconds, long residentKb, double deployedSeconds, double cpuSeconds) {
    }

    public static void main(String[] args) throws Exception {
        WebhookBenchmark.quietLibraryLogging();
        WebhookBenchmark.Options options = WebhookBenchmark.Options.from(Knobs.load(), "server.heap");
        int starts = options.knobs().integer("starts");
        TestEnvironment env = TestEnvironment.start();
        try {
            Files.createDirectories(options.directory());
            long warmUpStarted = System.nanoTime();
            Optional<Path> archive = ClassDataArchive.make(options.payaraMicroJar(), options.war(),
                    options.directory().resolve("openhands-jira-dc.jsa"), List.of("-Xmx" + options.serverHeap()));
            double warmUpSeconds = (System.nanoTime() - warmUpStarted) / 1e9;
            List<String> archived = archive.map(file -> List.of("-XX:SharedArchiveFile=" + file, "-Xshare:auto"))
                    .orElse(null);
            Map<String, List<String>> ways = new LinkedHashMap<>();
            ways.put("JVM defaults", List.of());
            ways.put("serial GC", List.of("-XX:+UseSerialGC"));
            ways.put("quick start", QUICK_START);
            if (archived != null) {
                ways.put("quick start, archived", concat(QUICK_START, archived));
            }
            List<Start> alone = new ArrayList<>();
            Map<String, List<Start>> withWar = new LinkedHashMap<>();
            int database = 0;
            for (int i = 0; i < starts; i++) {
                alone.add(start(options, Map.of(), List.of(), "/", List.of()));
                for (Map.Entry<String, List<String>> way : ways.entrySet()) {
                    Map<String, String> properties = new LinkedHashMap<>(env.settings.values());
                    properties.put("datasource.url", options.h2Url() + "-start-" + database++);
                    withWar.computeIfAbsent(way.getKey(), key -> new ArrayList<>())
                            .add(start(options, properties, List.of(options.war()), "/health/ready", way.getValue()));
                }
            }
            System.out.printf("%nStart-up on Payara Micro (-Xmx%s), %d CPUs, %d starts each, load average %.2f after%n",
                    options.serverHeap(), Runtime.getRuntime().availableProcessors(), starts,
                    WebhookBenchmark.loadAverage());
            System.out.println("quick start: " + String.join(" ", QUICK_START) + " (as ./mvnw -Prun starts it)");
            System.out.println(
                    "                               | to ready: median   min     max | CPU used | resident at ready |"
                            + " Payara's deploy time");
            print("Payara Micro alone", alone);
            withWar.forEach((way, measured) -> print("the WAR, " + way, measured));
            if (archive.isPresent()) {
                System.out.printf("(the class data archive, made once by Payara Micro's --warmup: %d MB in %.0f s)%n",
                        Files.size(archive.get()) >> 20, warmUpSeconds);
            }
            double defaults = median(withWar.get("JVM defaults").stream().map(Start::seconds).toList());
            System.out.printf("what the WAR adds on the JVM's defaults: %.1f s (median)%n",
                    defaults - median(alone.stream().map(Start::seconds).toList()));
            System.out.printf("%nTarget (reported, never enforced): ready in under %.0f s%n", READY_TARGET_SECONDS);
            withWar.forEach((way, measured) -> {
                double median = median(measured.stream().map(Start::seconds).toList());
                System.out.printf("  %-22s %.1f s, %s%n", way + ":", median,
                        median < READY_TARGET_SECONDS ? "met" : "MISSED");
            });
        } finally {
            env.stop();
        }
    }

    private static Start start(WebhookBenchmark.Options options, Map<String, String> properties, List<Path> wars,
            String path,
            List<String> jvmOptions) throws IOException, InterruptedException {
        long started = System.nanoTime();
        try (PayaraMicroServer server = PayaraMicroServer.start(options.payaraMicroJar(), options.serverHeap(),
                Ports.free(), properties, wars, options.directory(),
                Stream.concat(options.serverOptions().stream(), jvmOptions.stream()).toList())) {
            awaitAnswer(server.uri(path), !wars.isEmpty());
            double seconds = (System.nanoTime() - started) / 1e9;
            long resident = residentKb(server.pid());
            double cpu = server.cpuTime().toMillis() / 1000.0;
            Matcher deployed = DEPLOYED.matcher(Files.readString(options.directory().resolve("payara.log")));
            double deploySeconds = deployed.find() ? Double.parseDouble(deployed.group(1).replace(",", "")) / 1000
                    : Double.NaN;
            return new Start(seconds, resident, deploySeconds, cpu);
        }
    }

    /** Every 50 ms: any HTTP answer, or a 200 when {@code ready} is asked for. */
    private static void awaitAnswer(URI uri, boolean ready) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                int status = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (!ready || status == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("no answer from " + uri + " in 4 minutes");
    }

    private static long residentKb(long pid) throws IOException {
        Path status = Path.of("/proc/" + pid + "/status");
        if (!Files.exists(status)) {
            return -1;
        }
        return Files.readAllLines(status).stream().filter(line -> line.startsWith("VmRSS:"))
                .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", ""))).findFirst().orElse(-1);
    }

    private static void print(String what, List<Start> starts) {
        List<Double> seconds = starts.stream().map(Start::seconds).sorted().toList();
        System.out.printf("%-30s | %13.1f s %5.1f s %5.1f s | %8.1f s | %14d MB | %s%n", what, median(seconds),
                seconds.get(0),
                seconds.get(seconds.size() - 1), median(starts.stream().map(Start::cpuSeconds).toList()),
                starts.stream().mapToLong(Start::residentKb).sorted().toArray()[starts.size() / 2] / 1024,
                starts.stream().mapToDouble(Start::deployedSeconds).filter(s -> !Double.isNaN(s)).sorted()
                        .mapToObj(s -> "%.1f s".formatted(s))
                        .reduce((a, b) -> a + ", " + b).orElse("-"));
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> both = new ArrayList<>(first);
        both.addAll(second);
        return both;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
