package dev.openhands.jiradc.testing.server;

import dev.openhands.jiradc.testing.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * One Payara Micro process, started by the benchmark with its WARs, heap limit and system
 * properties, on a free port on this machine. Its console goes to {@code payara.log}, its GC log to
 * {@code gc.log}, both in the benchmark's directory.
 */
public final class PayaraMicroServer implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path consoleLog;
    public final GcLog gcLog;

    private PayaraMicroServer(Process process, int port, Path consoleLog, GcLog gcLog) {
        this.process = process;
        this.port = port;
        this.consoleLog = consoleLog;
        this.gcLog = gcLog;
    }

    public static PayaraMicroServer start(Path payaraMicroJar, String maxHeap, int port,
            Map<String, String> systemProperties,
            List<Path> wars, Path directory) throws IOException {
        return start(payaraMicroJar, maxHeap, port, systemProperties, wars, directory, List.of());
    }

    /**
     * @param jvmOptions more options for the server's JVM, such as a class data archive to map, or the benchmarks'
     * server.options
     */
    public static PayaraMicroServer start(Path payaraMicroJar, String maxHeap, int port,
            Map<String, String> systemProperties,
            List<Path> wars, Path directory, List<String> jvmOptions) throws IOException {
        Path consoleLog = directory.resolve("payara.log");
        Path gcLog = directory.resolve("gc.log");
        Files.deleteIfExists(gcLog);
        PayaraMicroCommand command = PayaraMicroCommand.of(payaraMicroJar)
                .jvm("-Xmx" + maxHeap, "-Xlog:gc:file=" + gcLog)
                .jvm(jvmOptions)
                .systemProperties(systemProperties)
                .port(port);
        for (Path war : wars) {
            command = command.deploy(war);
        }
        Process process = command.start(directory, consoleLog);
        return new PayaraMicroServer(process, port, consoleLog, new GcLog(gcLog));
    }

    /**
     * The WAR in another Payara Micro process, beside the one Arquillian started, with the same JVM options and class
     * data archive as Arquillian's (arquillian.xml).
     */
    public static PayaraMicroServer startBeside(WebArchive war, Path directory) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve("openhands-jira-dc.war");
        war.as(ZipExporter.class).exportTo(file.toFile(), true);
        List<String> jvm = new ArrayList<>(PayaraMicroCommand.words(System.getProperty("it.serverJvm")));
        jvm.addAll(List.of(
                "-XX:SharedArchiveFile=" + Path.of(System.getProperty("it.directory", "target"), "payara-micro.jsa"),
                "-Xshare:auto"));
        return start(Path.of(System.getProperty("payara.microJar")), "512m", Ports.free(), Map.of(), List.of(file),
                directory, jvm);
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    public long pid() {
        return process.pid();
    }

    /** Waits until {@code /health/ready} answers 200: deployed, migrated, configured. */
    public void awaitReady(Duration timeout) {
        Readiness.await(process, uri("/health/ready"), "Payara Micro", consoleLog, timeout);
    }

    /** CPU time the server process has used so far, on all its threads. */
    public Duration cpuTime() {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /**
     * CPU clock ticks so far: of the whole process, and of each thread by what it does ({@link #JIT},
     * {@link #REQUESTS}, {@link #BACKGROUND}, other), keyed {@code kind/thread id}, so that a thread that ends or
     * starts between two readings does not make a difference negative.
     */
    public record CpuTicks(long total, Map<String, Long> threads) {

        /** The JIT compiler threads. */
        public static final String JIT = "jit";
        /** Payara's threads that answer HTTP requests. */
        public static final String REQUESTS = "requests";
        /** The application's own threads from the managed factories: what it does after answering, and on timers. */
        public static final String BACKGROUND = "background";

        /** The share of the CPU used since {@code earlier} that went to compiling; NaN where /proc is missing. */
        public double compilerShareSince(CpuTicks earlier) {
            return minus(earlier).compilerShare();
        }

        /** The share of these ticks that went to compiling; NaN where /proc is missing. */
        public double compilerShare() {
            return share(JIT);
        }

        /** The share of these ticks that threads of this kind used; NaN where /proc is missing. */
        public double share(String kind) {
            long part = threads.entrySet().stream().filter(e -> e.getKey().startsWith(kind + "/"))
                    .mapToLong(Map.Entry::getValue).sum();
            return total <= 0 ? Double.NaN : (double) part / total;
        }

        public CpuTicks minus(CpuTicks earlier) {
            Map<String, Long> since = new HashMap<>();
            threads.forEach((thread, ticks) -> since.put(thread, ticks - earlier.threads.getOrDefault(thread, 0L)));
            return new CpuTicks(total - earlier.total, since);
        }

        public CpuTicks plus(CpuTicks more) {
            Map<String, Long> sum = new HashMap<>(threads);
            more.threads.forEach((thread, ticks) -> sum.merge(thread, ticks, Long::sum));
            return new CpuTicks(total + more.total, sum);
        }
    }

    /**
     * The process's CPU ticks from Linux's /proc (empty elsewhere), and its threads' by the name the kernel keeps (15
     * characters): {@code C1}/{@code C2 CompilerThread}s (whether the server is still compiling its hot code, not yet
     * in a steady state), Payara's {@code http-thread-pool}, the managed factories' {@code concurrent/...}.
     */
    public CpuTicks cpuTicks() {
        Path proc = Path.of("/proc", String.valueOf(process.pid()));
        try (var tasks = Files.list(proc.resolve("task"))) {
            Map<String, Long> threads = new HashMap<>();
            for (Path task : tasks.toList()) {
                threads.put(kind(readOrEmpty(task.resolve("comm"))) + "/" + task.getFileName(),
                        ticks(readOrEmpty(task.resolve("stat"))));
            }
            return new CpuTicks(ticks(readOrEmpty(proc.resolve("stat"))), threads);
        } catch (IOException | UncheckedIOException e) {
            return new CpuTicks(0, Map.of());
        }
    }

    private static String kind(String threadName) {
        if (threadName.matches("(?s)C\\d CompilerThre.*")) {
            return CpuTicks.JIT;
        }
        if (threadName.startsWith("http-thread-poo")) {
            return CpuTicks.REQUESTS;
        }
        return threadName.startsWith("concurrent/") ? CpuTicks.BACKGROUND : "other";
    }

    /** utime + stime of a /proc stat line: its 14th and 15th fields, counted after the command name in parentheses. */
    private static long ticks(String stat) {
        int command = stat.lastIndexOf(')');
        String[] fields = command < 0 ? new String[0] : stat.substring(command + 2).split(" ");
        return fields.length < 13 ? 0 : Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static String readOrEmpty(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }

    /** Asks the server for a full GC (through jcmd), so the GC log shows the heap that is still live. */
    public void collectGarbage() throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(jdkTool("jcmd"), String.valueOf(process.pid()), "GC.run")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        jcmd.waitFor(1, TimeUnit.MINUTES);
        Thread.sleep(500);
    }

    /** Kills the process at once (SIGKILL), as a crash would: no shutdown, nothing finished. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String jdkTool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }
}
