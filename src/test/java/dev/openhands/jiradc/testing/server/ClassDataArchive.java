package dev.openhands.jiradc.testing.server;

import dev.openhands.jiradc.testing.Ports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Starts Payara Micro with the WAR once, before the integration tests, and has the JVM write the classes it loaded
 * into a class data sharing archive ({@code -XX:ArchiveClassesAtExit}). Every server the tests start maps that archive
 * ({@code arquillian.xml}) instead of reading, verifying and parsing the same classes again: a quarter less CPU per
 * start, on a suite that starts Payara Micro about forty times per build. When no archive is made, the servers start
 * without it ({@code -Xshare:auto}).
 * <p>
 * Arguments: the Payara Micro JAR, the WAR, the archive to write, the servers' JVM options.
 */
public final class ClassDataArchive {

    private static final Duration LONGEST_WARM_UP = Duration.ofMinutes(4);

    private ClassDataArchive() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        long started = System.nanoTime();
        Optional<Path> archive = make(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]),
                List.of(args[3].trim().split("\\s+")));
        if (archive.isPresent()) {
            System.out.printf("Class data archive for the integration tests' servers: %s (%d MB, made in %.0f s)%n",
                    archive.get(),
                    Files.size(archive.get()) >> 20, (System.nanoTime() - started) / 1e9);
        }
    }

    /**
     * Payara Micro's {@code --warmup} deploys the WAR (migrating an in-memory database, reading the settings) and
     * shuts down; at its exit, the JVM writes the classes it loaded to the archive.
     *
     * @return the archive, or nothing (said why) when none was written
     */
    public static Optional<Path> make(Path payaraMicroJar, Path war, Path archive, List<String> jvmOptions)
            throws IOException, InterruptedException {
        archive = archive.toAbsolutePath();
        Files.deleteIfExists(archive);
        Path directory = Files.createDirectories(archive.resolveSibling(archive.getFileName() + ".warm-up"));
        Path log = directory.resolve("payara.log");
        Process server = PayaraMicroCommand.of(payaraMicroJar)
                .jvm(jvmOptions)
                .jvm("-XX:ArchiveClassesAtExit=" + archive, "-Ddatasource.url=jdbc:h2:mem:class-data-archive")
                .port(Ports.free())
                .deploy(war)
                .micro("--warmup")
                .start(directory, log);
        if (!server.waitFor(LONGEST_WARM_UP.toSeconds(), TimeUnit.SECONDS)) {
            server.destroyForcibly();
            System.out.println(
                    "No class data archive: Payara Micro's warm-up did not end in " + LONGEST_WARM_UP + " (see " + log
                            + "); the servers start without one");
            return Optional.empty();
        }
        if (server.exitValue() != 0 || !Files.exists(archive)) {
            System.out.println("No class data archive was written (exit " + server.exitValue() + ", see " + log
                    + "); the servers start without one");
            return Optional.empty();
        }
        return Optional.of(archive);
    }
}
