package dev.openhands.jiradc.testing.server;

import dev.openhands.jiradc.testing.TestDatabase;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The WAR that Maven built, as a deployment for Arquillian, with the test's configuration merged
 * into its {@code microprofile-config.properties}: the same bytecode and descriptors that ship,
 * told where its database, Jira and OpenHands are.
 */
public final class TestDeployment {

    private static final String CONFIG = "WEB-INF/classes/META-INF/microprofile-config.properties";

    private final Map<String, String> config = new LinkedHashMap<>();

    private TestDeployment(TestDatabase database) {
        config.putAll(database.config());
    }

    public static TestDeployment on(TestDatabase database) {
        return new TestDeployment(database);
    }

    public TestDeployment with(Map<String, String> values) {
        config.putAll(values);
        return this;
    }

    public TestDeployment with(String key, String value) {
        config.put(key, value);
        return this;
    }

    public TestDeployment without(String key) {
        config.remove(key);
        return this;
    }

    /** Payara writes its log there too (it-logging.properties), for tests that look for leaked secrets. */
    private static void createLogDirectory() {
        try {
            Files.createDirectories(Path.of(System.getProperty("it.directory", "target"), "it-logs"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The WAR under its own archive name: Arquillian tells a test class's several deployments apart by it. */
    public WebArchive war(String name) {
        return ShrinkWrap.create(WebArchive.class, name + ".war").merge(war());
    }

    public WebArchive war() {
        File file = new File(System.getProperty("it.war", "target/openhands-jira-dc.war"));
        if (!file.isFile()) {
            throw new IllegalStateException(file + " is missing: integration tests run after 'mvn package'");
        }
        createLogDirectory();
        ItLogs.markClassStart();
        WebArchive war = ShrinkWrap.createFromZipFile(WebArchive.class, file);
        Properties properties = new Properties();
        try (InputStream shipped = war.get(CONFIG).getAsset().openStream()) {
            properties.load(shipped);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        properties.putAll(config);
        StringWriter merged = new StringWriter();
        try {
            properties.store(merged, "shipped defaults with the test's values");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        war.delete(CONFIG);
        return war.add(new StringAsset(merged.toString()), CONFIG);
    }
}
