package dev.openhands.jiradc.testing.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The app server's log in {@code target/it-logs}, as integration tests write it (see it-logging.properties). Every
 * Payara Micro of a build appends to the same files, and the PostgreSQL build after the H2 one: a test reads only what
 * was written since its class deployed, so that a line another class or build wrote (with the same issue keys) cannot
 * pass its check.
 */
public final class ItLogs {

    private static volatile Map<Path, Long> classStart = Map.of();

    private ItLogs() {
    }

    public static Path directory() {
        return Path.of(System.getProperty("it.directory", "target"), "it-logs");
    }

    /** A test class is about to deploy: what the logs hold now is not its own. */
    static void markClassStart() {
        classStart = logs(files -> files.collect(Collectors.toMap(Function.identity(), ItLogs::size)));
    }

    /** The lines written since this test class deployed that contain {@code text}. */
    public static List<String> linesContaining(String text) {
        return logs(files -> files.flatMap(file -> linesSince(file, classStart.getOrDefault(file, 0L)))
                .filter(line -> line.contains(text)).toList());
    }

    private static <T> T logs(Function<Stream<Path>, T> read) {
        try (Stream<Path> files = Files.list(directory())) {
            return read.apply(files.filter(file -> file.toString().endsWith(".log")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<String> linesSince(Path file, long offset) {
        try (FileChannel channel = FileChannel.open(file)) {
            channel.position(offset);
            return new String(Channels.newInputStream(channel).readAllBytes(), StandardCharsets.UTF_8).lines().toList()
                    .stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
