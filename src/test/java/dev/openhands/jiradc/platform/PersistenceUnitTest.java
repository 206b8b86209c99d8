package dev.openhands.jiradc.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.persistence.Converter;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.MappedSuperclass;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** persistence.xml lists every mapped class: on WildFly, Hibernate knows only the listed ones. */
class PersistenceUnitTest {

    @Test
    void everyMappedClassIsListed() throws IOException, URISyntaxException {
        Path classes = Path.of(ApplicationDataSource.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<String> mapped = new TreeSet<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".")
                        .replaceAll("\\.class$", "");
                Class<?> type = load(name);
                if (List.of(Entity.class, Embeddable.class, MappedSuperclass.class, Converter.class).stream()
                        .anyMatch(type::isAnnotationPresent)) {
                    mapped.add(name);
                }
            }
        }
        assertEquals(mapped, listedClasses(), "the <class> elements of META-INF/persistence.xml");
    }

    /** The classes META-INF/persistence.xml lists, by name. */
    static Set<String> listedClasses() throws IOException {
        Set<String> listed = new TreeSet<>();
        try (InputStream xml = PersistenceUnitTest.class.getResourceAsStream("/META-INF/persistence.xml")) {
            Matcher matcher = Pattern.compile("<class>\\s*([^<\\s]+)\\s*</class>")
                    .matcher(new String(xml.readAllBytes()));
            while (matcher.find()) {
                listed.add(matcher.group(1));
            }
        }
        return listed;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, PersistenceUnitTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(name + " was compiled and cannot be loaded", e);
        }
    }
}
