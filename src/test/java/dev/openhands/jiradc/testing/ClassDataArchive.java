package dev.openhands.jiradc.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

    private static final Duration LONGEST_START = Duration.ofMinutes(3);

    private ClassDataArchive() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path archive = Path.of(args[2]).toAbsolutePath();
        Files.deleteIfExists(archive);
        Path directory = Files.createDirectories(archive.resolveSibling("class-data-archive"));
        Path log = directory.resolve("payara.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(args[3].trim().split("\\s+")));
        command.addAll(List.of("-XX:ArchiveClassesAtExit=" + archive, "-Ddatasource.url=jdbc:h2:mem:class-data-archive",
                "-jar", args[0], "--nocluster", "--disablephonehome", "--port", String.valueOf(Ports.free()), "--deploy", args[1]));
        long started = System.nanoTime();
        Process server = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            if (!startedUp(server, log)) {
                System.out.println("No class data archive: Payara Micro did not start (see " + log + "); the servers start without one");
                return;
            }
        } finally {
            server.destroy();
            server.waitFor(1, TimeUnit.MINUTES);
        }
        if (Files.exists(archive)) {
            System.out.printf("Class data archive for the integration tests' servers: %s (%d MB, made in %.0f s)%n", archive,
                    Files.size(archive) >> 20, (System.nanoTime() - started) / 1e9);
        } else {
            System.out.println("No class data archive was written (see " + log + "); the servers start without one");
        }
    }

    /** Payara Micro says "ready in" once it has deployed the WAR. */
    private static boolean startedUp(Process server, Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + LONGEST_START.toNanos();
        while (System.nanoTime() < deadline && server.isAlive()) {
            if (new String(Files.readAllBytes(log), StandardCharsets.ISO_8859_1).contains(" ready in ")) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

}
