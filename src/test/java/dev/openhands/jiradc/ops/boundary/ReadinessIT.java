package dev.openhands.jiradc.ops.boundary;

import static org.junit.jupiter.api.Assertions.*;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.openhands.jiradc.testing.Http;
import dev.openhands.jiradc.testing.MockServers;
import dev.openhands.jiradc.testing.ServiceUrls;
import dev.openhands.jiradc.testing.TestDatabase;
import dev.openhands.jiradc.testing.TestDeployment;
import dev.openhands.jiradc.testing.TestSettings;
import jakarta.json.JsonObject;
import java.net.URL;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A correctly configured deployment is ready: database migrated, settings valid, secrets key in place. */
@ExtendWith(ArquillianExtension.class)
class ReadinessIT {

    static final WireMockServer JIRA = MockServers.start();
    static final WireMockServer OPENHANDS = MockServers.start();
    static final TestDatabase DATABASE = TestDatabase.fresh();

    @ArquillianResource
    URL service;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestDeployment.on(DATABASE)
                .with(new TestSettings(MockServers.baseUrl(JIRA), MockServers.baseUrl(OPENHANDS)).values())
                .war();
    }

    @AfterAll
    static void stopMocks() {
        JIRA.stop();
        OPENHANDS.stop();
    }

    @Test
    void readyWithEveryCheckUp() {
        var response = Http.get(ServiceUrls.local(service, "/health/ready"));
        assertEquals(200, response.statusCode(), response.body());
        JsonObject health = Http.json(response);
        assertEquals("UP", health.getString("status"));
        var checks = health.getJsonArray("checks").stream().map(JsonObject.class::cast)
                .collect(Collectors.toMap(check -> check.getString("name"), check -> check));
        assertEquals(java.util.Set.of("database", "settings", "secrets"), checks.keySet());
        checks.values().forEach(check -> assertEquals("UP", check.getString("status"), check.toString()));
        assertEquals(TestDatabase.postgresql() ? "PostgreSQL" : "H2",
                checks.get("database").getJsonObject("data").getString("product"));
        assertEquals("1", checks.get("database").getJsonObject("data").getString("schemaVersion"));
        assertEquals("true", checks.get("settings").getJsonObject("data").getString("jira-dc.enabled"));
    }

    @Test
    void alive() {
        var response = Http.get(ServiceUrls.local(service, "/health/live"));
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("UP", Http.json(response).getString("status"));
    }

    @Test
    void migrationsRanAndTheKeyCheckIsSealed() throws Exception {
        Http.get(ServiceUrls.local(service, "/health/ready"));
        try (Connection connection = DATABASE.connect(); Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("select \"version\", \"success\" from \"flyway_schema_history\" where \"version\" is not null")) {
                assertTrue(rs.next());
                assertEquals("1", rs.getString(1));
                assertTrue(rs.getBoolean(2));
            }
            try (ResultSet rs = statement.executeQuery("select sealed_value from secrets_key_check")) {
                assertTrue(rs.next(), "the key check row exists after readiness");
                assertTrue(rs.getString(1).startsWith("v1:"));
            }
        }
    }

    @Test
    void unknownPathsAnswerWithoutAStackTrace() {
        var response = Http.get(ServiceUrls.local(service, "/api/integrations/jira-dc/nothing-here"));
        assertEquals(404, response.statusCode());
        assertFalse(response.body().contains("Exception"), response.body());
    }
}
