package dev.openhands.jiradc.testing.server;

import dev.openhands.jiradc.testing.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One application server process with the WAR Maven built, started by a test the way ops start it: Payara
 * Micro with {@code --deploy}, Open Liberty's {@code server run} and WildFly's {@code standalone.sh} on the
 * servers Maven prepared ({@code -Pliberty}, {@code -Pwildfly}). Every setting is given as an environment
 * variable ({@code JIRA_DC_BASE_URL}, {@code DATASOURCE_URL}, ...), on free ports of this machine. The
 * console goes to {@code target/smoke-logs/smoke-<server>.log}.
 */
public final class AppServer implements AutoCloseable {

    public enum Kind {
        PAYARA_MICRO, OPEN_LIBERTY, WILDFLY
    }

    private final Kind kind;
    private final Process process;
    private final int httpPort;
    private final URI readiness;
    private final Path log;

    private AppServer(Kind kind, Process process, int httpPort, URI readiness, Path log) {
        this.kind = kind;
        this.process = process;
        this.httpPort = httpPort;
        this.readiness = readiness;
        this.log = log;
    }

    /**
     * The servers this build can start: Payara Micro unless -Psmoke, Open Liberty and WildFly when Maven prepared them.
     */
    public static List<Kind> available() {
        List<Kind> kinds = new ArrayList<>();
        if (Boolean.parseBoolean(System.getProperty("smoke.payara-micro", "true"))) {
            kinds.add(Kind.PAYARA_MICRO);
        }
        if (!System.getProperty("smoke.liberty.home", "").isBlank()) {
            kinds.add(Kind.OPEN_LIBERTY);
        }
        if (!System.getProperty("smoke.wildfly.home", "").isBlank()) {
            kinds.add(Kind.WILDFLY);
        }
        return kinds;
    }

    /** Starts the server with these MicroProfile Config values, as environment variables. */
    public static AppServer start(Kind kind, Map<String, String> config) {
        return start(kind, config, Ports.free());
    }

    /**
     * The same on this HTTP port: for a test whose settings name the service's own address ({@code openhands.app-url},
     * from which the webhook and OAuth callback addresses are made) before it starts.
     */
    public static AppServer start(Kind kind, Map<String, String> config, int http) {
        try {
            // not in it-logs, which other tests scan as Payara's log (ItLogs)
            Path logs = Files.createDirectories(Path.of(System.getProperty("it.directory", "target"), "smoke-logs"));
            Path log = logs.resolve("smoke-" + kind.name().toLowerCase(Locale.ROOT).replace('_', '-') + ".log");
            List<String> command;
            Path home;
            URI readiness = URI.create("http://localhost:" + http + "/health/ready");
            ProcessBuilder builder = new ProcessBuilder();
            config.forEach((key, value) -> builder.environment().put(environmentName(key), value));
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            switch (kind) {
                case PAYARA_MICRO -> {
                    home = Files.createDirectories(
                            Path.of(System.getProperty("it.directory", "target"), "smoke-payara-micro"));
                    command = PayaraMicroCommand.of(Path.of(System.getProperty("payara.microJar"))).jvm("-Xmx512m")
                            .port(http).deploy(Path.of(System.getProperty("it.war"))).toList();
                }
                case OPEN_LIBERTY -> {
                    home = Path.of(System.getProperty("smoke.liberty.home"));
                    builder.environment().put("HTTP_PORT", String.valueOf(http));
                    builder.environment().put("HTTPS_PORT", String.valueOf(Ports.free()));
                    builder.environment().put("JVM_ARGS", "-Xmx512m");
                    command = List.of(home.resolve("bin/server").toString(), "run", "openhands");
                }
                case WILDFLY -> {
                    home = Path.of(System.getProperty("smoke.wildfly.home"));
                    int management = Ports.free();
                    // WildFly serves MicroProfile Health on its management interface
                    readiness = URI.create("http://localhost:" + management + "/health/ready");
                    command = List.of(home.resolve("bin/standalone.sh").toString(), "-c", "standalone-microprofile.xml",
                            "-Djboss.http.port=" + http, "-Djboss.https.port=" + Ports.free(),
                            "-Djboss.management.http.port=" + management,
                            "-Djboss.management.https.port=" + Ports.free());
                }
                default -> throw new IllegalArgumentException(kind.name());
            }
            Process process = builder.command(command).directory(home.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            AppServer server = new AppServer(kind, process, http, readiness, log);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** MicroProfile Config's environment variable for a key: upper case, every other character than A-Z, 0-9 as '_'. */
    public static String environmentName(String key) {
        return key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    public Kind kind() {
        return kind;
    }

    /** Where the service is, as the Arquillian tests get it: the tests talk to localhost at its port. */
    public URL url() {
        try {
            return URI.create("http://localhost:" + httpPort + "/").toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    public URI readiness() {
        return readiness;
    }

    /** Waits until readiness answers 200; returns its body. */
    public String awaitReady(Duration timeout) {
        return Readiness.await(process, readiness, kind.toString(), log, timeout);
    }

    /** Stops the server and whatever its start script started. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        List<ProcessHandle> descendants = process.descendants().toList();
        descendants.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            for (ProcessHandle child : descendants) {
                child.onExit().get(60, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            descendants.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

}
