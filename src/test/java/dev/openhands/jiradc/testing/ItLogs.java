package dev.openhands.jiradc.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The app server's log in {@code target/it-logs}, as integration tests write it (see it-logging.properties). */
public final class ItLogs {

    private ItLogs() {
    }

    public static Path directory() {
        return Path.of(System.getProperty("it.directory", "target"), "it-logs");
    }

    public static List<String> linesContaining(String text) {
        try (Stream<Path> files = Files.list(directory())) {
            return files.filter(file -> file.toString().endsWith(".log")).flatMap(ItLogs::lines)
                    .filter(line -> line.contains(text)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
