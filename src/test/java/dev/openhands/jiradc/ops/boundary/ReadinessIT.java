package dev.openhands.jiradc.ops.boundary;

import static org.junit.jupiter.api.Assertions.*;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.openhands.jiradc.testing.Eventually;
import dev.openhands.jiradc.testing.Http;
import dev.openhands.jiradc.testing.MockServers;
import dev.openhands.jiradc.testing.ServiceUrls;
import dev.openhands.jiradc.testing.TestDatabase;
import dev.openhands.jiradc.testing.TestSettings;
import dev.openhands.jiradc.testing.server.TestDeployment;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URL;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
    static final String METRICS_TOKEN = "scrape-" + java.util.UUID.randomUUID();

    @ArquillianResource
    URL service;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestDeployment.on(DATABASE)
                .with(new TestSettings(MockServers.baseUrl(JIRA), MockServers.baseUrl(OPENHANDS)).values())
                .with("ops.metrics.token", METRICS_TOKEN)
                .war();
    }

    @AfterAll
    static void stopMocks() {
        JIRA.stop();
        OPENHANDS.stop();
    }

    /**
     * Metrics tell how busy the service is: only the management network (loopback by default) or the token reads them.
     */
    @Test
    void metricsAreForTheManagementNetworkOrAScraperWithTheToken() {
        java.net.URI metrics = ServiceUrls.local(service, "/ops/metrics");
        assertEquals(200, Http.get(metrics).statusCode(), "from loopback, the default management network");
        var proxied = Http.send(HttpRequest.newBuilder(metrics).header("X-Forwarded-For", "203.0.113.7").build());
        assertEquals(403, proxied.statusCode(), "through a proxy, the caller's address is not the proxy's");
        assertTrue(Http.json(proxied).getString("error").contains("ops.metrics.token"), proxied.body());
        assertEquals(403, Http.send(HttpRequest.newBuilder(metrics).header("X-Forwarded-For", "203.0.113.7")
                .header("Authorization", "Bearer not-the-token").build()).statusCode());
        var scraped = Http.send(HttpRequest.newBuilder(metrics).header("X-Forwarded-For", "203.0.113.7")
                .header("Authorization", "Bearer " + METRICS_TOKEN).build());
        assertEquals(200, scraped.statusCode(), "a scraper with the token, from anywhere");
        assertTrue(scraped.body().contains("# TYPE openhands_jira_jobs gauge"), scraped.body());
    }

    @Test
    void readyWithEveryCheckUp() throws IOException {
        var response = Http.get(ServiceUrls.local(service, "/health/ready"));
        assertEquals(200, response.statusCode(), response.body());
        JsonObject health = Http.json(response);
        assertEquals("UP", health.getString("status"));
        var checks = health.getJsonArray("checks").stream().map(JsonObject.class::cast)
                .collect(Collectors.toMap(check -> check.getString("name"), check -> check));
        assertEquals(
                java.util.Set.of("database", "settings", "secrets", "jira-service-account", "openhands-service-key",
                        "simulator"),
                checks.keySet());
        checks.values().forEach(check -> assertEquals("UP", check.getString("status"), check.toString()));
        assertEquals(TestDatabase.postgresql() ? "PostgreSQL" : "H2",
                checks.get("database").getJsonObject("data").getString("product"));
        assertEquals(latestMigration(), checks.get("database").getJsonObject("data").getString("schemaVersion"));
        assertEquals("true", checks.get("settings").getJsonObject("data").getString("jira-dc.enabled"));
        // asked in the background at start: a Jira whose answers do not say they are the simulator's
        Eventually.await(() -> Http.json(Http.get(ServiceUrls.local(service, "/health/ready"))).getJsonArray("checks")
                .getValuesAs(JsonObject.class).stream().filter(check -> check.getString("name").equals("simulator"))
                .filter(check -> check.getJsonObject("data").getString("jira-dc.base-url")
                        .equals("Jira Data Center, not the simulator"))
                .findFirst(), "the simulator check to know Jira is not the simulator");
    }

    /** The versions of the migrations the WAR ships, in order. */
    static List<String> migrations() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target/classes/db/migration"))) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".sql")) // not flyway.location, Open Liberty's marker
                    .map(name -> name.substring(1, name.indexOf("__")))
                    .sorted(Comparator.comparingInt(Integer::parseInt))
                    .toList();
        }
    }

    static String latestMigration() throws IOException {
        List<String> versions = migrations();
        return versions.get(versions.size() - 1);
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
            List<String> applied = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("select \"version\" from \"flyway_schema_history\""
                    + " where \"success\" and \"version\" is not null order by \"installed_rank\"")) {
                while (rs.next()) {
                    applied.add(rs.getString(1));
                }
            }
            assertEquals(migrations(), applied, "every migration in the WAR is applied");
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
