package dev.openhands.jiradc.settings.entity;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The settings table admins read (docs/admin/configuration.md) and the keys the service reads are the same set: no
 * key documented that nothing reads, none read that the table leaves out.
 */
class SettingsDocumentedTest {

    static final Path TABLE = Path.of("docs/admin/configuration.md");
    /**
     * Keys read outside {@link SettingsKeys}: the data source's, and Open Liberty's server.xml variables (the
     * service's own, not the server's ports).
     */
    static final Pattern READ_BY_NAME = Pattern.compile(
            "get(?:Optional)?Value\\(\"([a-z.-]+)\"|<variable"
                    + " name=\"((?:jira-dc|openhands|oidc|ops|secrets|service|datasource)\\.[a-z.-]+)\"");

    @Test
    void everyKeyTheServiceReadsIsDocumentedAndNothingElse() throws IOException {
        Set<String> read = readByTheService();
        Set<String> documented = documented();
        assertTrue(read.size() > 30 && documented.size() > 30, "read " + read + ", documented " + documented);
        Set<String> undocumented = new TreeSet<>(read);
        undocumented.removeAll(documented);
        Set<String> unread = new TreeSet<>(documented);
        unread.removeAll(read);
        assertEquals(Set.of(), undocumented, "read by the service, missing from " + TABLE);
        assertEquals(Set.of(), unread, "in " + TABLE + ", read by nothing");
    }

    /** Every key in the first column of the table's rows ({@code `a` / `b`} names two). */
    static Set<String> documented() throws IOException {
        Set<String> keys = new TreeSet<>();
        Pattern key = Pattern.compile("`([a-z][a-z.-]+)`");
        for (String line : Files.readAllLines(TABLE)) {
            if (line.startsWith("| `")) {
                Matcher matcher = key.matcher(line.split("\\|")[1]);
                while (matcher.find()) {
                    keys.add(matcher.group(1));
                }
            }
        }
        return keys;
    }

    static Set<String> readByTheService() throws IOException {
        Set<String> keys = new TreeSet<>();
        for (Field field : SettingsKeys.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    keys.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main/java")),
                Files.walk(Path.of("src/main/liberty")))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Matcher matcher = READ_BY_NAME.matcher(Files.readString(file));
                while (matcher.find()) {
                    keys.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
                }
            }
        }
        return keys;
    }
}
