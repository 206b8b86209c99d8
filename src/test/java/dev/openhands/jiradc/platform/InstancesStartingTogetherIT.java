package dev.openhands.jiradc.platform;

import static org.junit.jupiter.api.Assertions.*;

import dev.openhands.jiradc.testing.TestEnvironment;
import dev.openhands.jiradc.testing.server.PayaraMicroServer;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances started at the same moment on a new database, as a rolling start or an orchestrator does: Flyway's lock
 * lets one migrate while the other waits, and both become ready.
 */
class InstancesStartingTogetherIT {

    static final TestEnvironment ENV = TestEnvironment.start();
    static final Path DIRECTORY = Path.of(System.getProperty("it.directory", "target"), "instances-together");

    @AfterAll
    static void stop() {
        ENV.stop();
    }

    @Test
    void bothMigrateOnceBetweenThemAndBecomeReady() throws Exception {
        WebArchive war = ENV.deployment().war();
        try (PayaraMicroServer first = start(war, "first"); PayaraMicroServer second = start(war, "second")) {
            first.awaitReady(Duration.ofMinutes(3));
            second.awaitReady(Duration.ofMinutes(3));
        }
        try (Connection db = ENV.database.connect();
                ResultSet rs = db.createStatement().executeQuery(
                        "select count(*), count(distinct \"version\"), sum(case when \"success\" then 0 else 1 end)"
                                + " from \"flyway_schema_history\" where \"version\" is not null")) {
            assertTrue(rs.next());
            assertTrue(rs.getInt(1) >= 11, "every migration applied: " + rs.getInt(1));
            assertEquals(rs.getInt(1), rs.getInt(2), "each migration applied once");
            assertEquals(0, rs.getInt(3), "none failed");
        }
    }

    static PayaraMicroServer start(WebArchive war, String name) throws IOException {
        return PayaraMicroServer.startBeside(war, DIRECTORY.resolve(name));
    }

}
