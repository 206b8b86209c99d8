package dev.openhands.jiradc;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Java lines are at most 120 columns (issue 19). The formatter wraps code and comments but cannot split a string, a
 * text block or a named query: those are split by hand, and this test keeps them split.
 */
class LineLengthTest {

    static final int COLUMNS = 120;

    @Test
    void noJavaLineIsLongerThan120Columns() throws IOException {
        List<String> tooLong = new ArrayList<>();
        int files = 0;
        for (Path root : List.of(Path.of("src/main/java"), Path.of("src/test/java"))) {
            List<Path> sources;
            try (Stream<Path> walk = Files.walk(root)) {
                sources = walk.filter(file -> file.toString().endsWith(".java")).sorted().toList();
            }
            for (Path source : sources) {
                files++;
                String name = source.toString().replace('\\', '/');
                List<String> lines = Files.readAllLines(source);
                for (int i = 0; i < lines.size(); i++) {
                    int columns = lines.get(i).codePointCount(0, lines.get(i).length());
                    if (columns > COLUMNS) {
                        tooLong.add(name + ":" + (i + 1) + " has " + columns + " columns");
                    }
                }
            }
        }
        assertTrue(files > 100, "found only " + files + " Java files: run from the project's directory");
        assertEquals(List.of(), tooLong, "lines over " + COLUMNS + " columns: split strings at a space"
                + " (\"a\" + \" b\") and text block lines with \\ at their end");
    }
}
