package dev.openhands.jiradc.testing.server;

import dev.openhands.jiradc.testing.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.protocol.ProtocolDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.client.protocol.metadata.Servlet;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.exporter.ExplodedExporter;
import org.jboss.shrinkwrap.descriptor.api.Descriptor;

/**
 * An Arquillian container that starts one Payara Micro per test JVM and redeploys the application in it for each
 * deployment, as ops redeploy a WAR in a running server, instead of starting a new server process per test class.
 * The WAR is exploded into one directory that Payara Micro deploys at {@code /}; a new deployment replaces the
 * directory's content and touches its {@code .reload} file, Payara Micro's signal to redeploy an exploded WAR.
 * Undeploying leaves an empty application there, so nothing of the previous one runs on. The server outlives
 * Arquillian's container, which the failsafe plugin's forks start and stop around every test class, and ends with
 * the test JVM.
 *
 * <p>Why: a server start costs about 15 CPU-seconds on the tests' C1-only JVMs, a redeploy in a running server about
 * half of it, and the suite is bound by its two cores. It also proves what ops rely on: the service undeploys cleanly
 * and redeploys in the same server with new settings.
 */
public final class SharedPayaraMicro implements DeployableContainer<SharedPayaraMicroConfiguration> {

    /** Payara Micro's last line at start-up, once its deployment's context started too (it says deployed before). */
    private static final Pattern STARTED = Pattern.compile("Payara Micro .* ready in ");
    private static final Pattern REDEPLOYED = Pattern.compile(" was successfully deployed in ");
    private static final Pattern FAILED = Pattern
            .compile("Exception while loading the app|Exception during lifecycle processing"
                    + "|deploy.*failed", Pattern.CASE_INSENSITIVE);

    private SharedPayaraMicroConfiguration configuration;
    // one server per test JVM, whichever container instance Arquillian makes
    private static Process process;
    private static Path directory;
    private static Path application;
    private static Path console;
    private static int port;
    private static Instant lastReload = Instant.EPOCH;
    private static boolean processPerDeployment;

    @Override
    public Class<SharedPayaraMicroConfiguration> getConfigurationClass() {
        return SharedPayaraMicroConfiguration.class;
    }

    @Override
    public void setup(SharedPayaraMicroConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public ProtocolDescription getDefaultProtocol() {
        return new ProtocolDescription("Servlet 5.0");
    }

    /** The server starts with the first deployment: it needs an application to deploy at its start. */
    @Override
    public void start() {
    }

    @Override
    public ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        try {
            if (process == null || !process.isAlive()) {
                // beside the build's other output (target/payara-micro-*: the exploded WAR and console.log)
                Path target = Path.of(System.getProperty("it.directory", "target")).toAbsolutePath();
                directory = Files.createTempDirectory(Files.createDirectories(target), "payara-micro-");
                application = directory.resolve("app");
                replaceApplication(archive);
                startServer();
            } else {
                replaceApplication(archive);
                reload();
            }
        } catch (IOException e) {
            throw new DeploymentException("cannot deploy " + archive.getName() + ": " + e.getMessage(), e);
        }
        HTTPContext context = new HTTPContext("localhost", port);
        context.add(new Servlet("default", ""));
        return new ProtocolMetaData().addContext(context);
    }

    /**
     * For tests of what survives the server process: from now on every undeploy stops the server, and the next
     * deployment starts a new one, until switched off again.
     */
    public static void processPerDeployment(boolean on) {
        processPerDeployment = on;
    }

    /** Leaves an empty application in its place: the service's timers and pools stop with it. */
    @Override
    public void undeploy(Archive<?> archive) throws DeploymentException {
        if (process == null || !process.isAlive()) {
            return;
        }
        if (processPerDeployment) {
            stopServer();
            return;
        }
        try {
            clear(application);
            Files.createDirectories(application.resolve("WEB-INF"));
            reload();
        } catch (IOException e) {
            throw new DeploymentException("cannot undeploy " + archive.getName() + ": " + e.getMessage(), e);
        }
    }

    /** The server stays for the next test class; it ends with the test JVM. */
    @Override
    public void stop() {
    }

    /** As a server stops when its process is told to (SIGTERM): Payara undeploys the application on its way out. */
    private static void stopServer() throws DeploymentException {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeploymentException("interrupted while Payara Micro stopped", e);
        }
        process = null;
    }

    @Override
    public void deploy(Descriptor descriptor) {
        throw new UnsupportedOperationException("descriptors are not deployed here");
    }

    @Override
    public void undeploy(Descriptor descriptor) {
        throw new UnsupportedOperationException("descriptors are not deployed here");
    }

    private void startServer() throws IOException, DeploymentException {
        port = Ports.free();
        console = directory.resolve("console.log");
        process = PayaraMicroCommand.of(Path.of(configuration.getMicroJar()))
                .jvm(PayaraMicroCommand.words(configuration.getCmdOptions()))
                .micro("--deploy", application.toString(), "--contextroot", "/")
                .port(port)
                .micro(PayaraMicroCommand.words(configuration.getExtraMicroOptions()))
                .start(directory, console);
        awaitDeployment(0, STARTED);
    }

    private void reload() throws IOException, DeploymentException {
        int consoleFrom = consoleText().length();
        Path reload = application.resolve(".reload");
        if (!Files.exists(reload)) {
            Files.createFile(reload);
        }
        // Payara Micro compares the file's time with the last one it saw: never the same second twice
        Instant next = Instant.now().isAfter(lastReload.plusSeconds(1)) ? Instant.now() : lastReload.plusSeconds(1);
        Files.setLastModifiedTime(reload, FileTime.from(next));
        lastReload = next;
        awaitDeployment(consoleFrom, REDEPLOYED);
    }

    /** Waits for the line that says the application runs, after what the console held; fails on a deployment error. */
    private void awaitDeployment(int consoleFrom, Pattern done) throws DeploymentException {
        Instant deadline = Instant.now().plusSeconds(configuration.getStartupTimeoutInSeconds());
        while (Instant.now().isBefore(deadline)) {
            String log = consoleText().substring(consoleFrom);
            if (done.matcher(log).find()) {
                return;
            }
            if (!process.isAlive()) {
                throw withoutTheServer(new DeploymentException("Payara Micro stopped: " + tail(log)));
            }
            if (FAILED.matcher(log).find()) {
                throw withoutTheServer(new DeploymentException("the deployment failed: " + tail(log)));
            }
            sleep(Duration.ofMillis(100));
        }
        throw withoutTheServer(new DeploymentException("not deployed after "
                + configuration.getStartupTimeoutInSeconds() + " s: " + tail(consoleText().substring(consoleFrom))));
    }

    /**
     * What a failed deployment or undeployment leaves behind is not for the next test class: the server stops, and the
     * next deployment starts a new one.
     */
    private static DeploymentException withoutTheServer(DeploymentException failure) throws DeploymentException {
        stopServer();
        return failure;
    }

    private String consoleText() {
        try {
            return Files.readString(console, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(String log) {
        return log.substring(Math.max(0, log.length() - 4000));
    }

    /** New files for every entry: the running application may still hold the old ones open. */
    private void replaceApplication(Archive<?> archive) throws IOException {
        clear(application);
        Files.createDirectories(application);
        Path staging = Files.createTempDirectory(directory, "staging");
        archive.as(ExplodedExporter.class).exportExploded(staging.toFile(), "app");
        try (Stream<Path> entries = Files.list(staging.resolve("app"))) {
            for (Path entry : entries.toList()) {
                Files.move(entry, application.resolve(entry.getFileName()));
            }
        }
        clear(staging);
        Files.delete(staging);
    }

    /** Everything inside the directory but the directory itself, and its .reload file. */
    private static void clear(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                if (!path.equals(directory) && !path.getFileName().toString().equals(".reload")) {
                    Files.delete(path);
                }
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
