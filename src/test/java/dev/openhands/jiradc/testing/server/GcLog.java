package dev.openhands.jiradc.testing.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's {@code -Xlog:gc} file, which names the heap before and after every pause: the peak
 * heap the server used and its pauses, counted from a mark on.
 */
public final class GcLog {

    /** {@code GC(12) Pause Young (Normal) (G1 Evacuation Pause) 301M->52M(512M) 3.456ms} */
    private static final Pattern PAUSE = Pattern.compile(
            "Pause (.+?) (\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\) ([\\d.]+)ms");

    private final Path file;

    GcLog(Path file) {
        this.file = file;
    }

    public record Pauses(int count, double peakUsedMb, double lastAfterMb, double committedMb, double totalMs,
            double longestMs) {
    }

    /** Where the log stands now, to read only what comes after. */
    public int mark() throws IOException {
        return lines().size();
    }

    public Pauses since(int mark) throws IOException {
        List<String> lines = lines();
        int count = 0;
        double peak = 0;
        double after = 0;
        double committed = 0;
        double total = 0;
        double longest = 0;
        for (String line : lines.subList(Math.min(mark, lines.size()), lines.size())) {
            Matcher pause = PAUSE.matcher(line);
            if (pause.find()) {
                count++;
                peak = Math.max(peak, megabytes(pause.group(2), pause.group(3)));
                after = megabytes(pause.group(4), pause.group(5));
                committed = megabytes(pause.group(6), pause.group(7));
                double millis = Double.parseDouble(pause.group(8));
                total += millis;
                longest = Math.max(longest, millis);
            }
        }
        return new Pauses(count, peak, after, committed, total, longest);
    }

    private List<String> lines() throws IOException {
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }

    private static double megabytes(String amount, String unit) {
        double value = Double.parseDouble(amount);
        return switch (unit) {
            case "K" -> value / 1024;
            case "G" -> value * 1024;
            default -> value;
        };
    }
}
