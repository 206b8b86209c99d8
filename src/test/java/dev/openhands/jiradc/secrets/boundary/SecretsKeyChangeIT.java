package dev.openhands.jiradc.secrets.boundary;

import static org.junit.jupiter.api.Assertions.*;

import dev.openhands.jiradc.testing.ActiveConnection;
import dev.openhands.jiradc.testing.Http;
import dev.openhands.jiradc.testing.ServiceUrls;
import dev.openhands.jiradc.testing.TestEnvironment;
import dev.openhands.jiradc.testing.TestSettings;
import dev.openhands.jiradc.testing.browser.Browser;
import dev.openhands.jiradc.testing.identity.IdentityProvider;
import dev.openhands.jiradc.testing.jira.JiraEvent;
import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An operator redeploys with another {@code secrets.key} on the same database (a typo, a lost key, a key from another
 * environment): the service says it is not ready and why, refuses what needs the stored secrets without a stack
 * trace, and overwrites nothing, so that the right key opens everything again.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecretsKeyChangeIT {

    static final TestEnvironment ENV = TestEnvironment.start();
    static final String ANOTHER_KEY = TestSettings.newSecretsKey();
    static ActiveConnection connection;
    static String sealedWithTheKey;
    static boolean deployed;

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = "the-key", managed = false, testable = false)
    static WebArchive withTheKey() {
        return ENV.deployment().war("the-key");
    }

    @Deployment(name = "another-key", managed = false, testable = false)
    static WebArchive withAnotherKey() {
        return ENV.deployment().with("secrets.key", ANOTHER_KEY).war("another-key");
    }

    @BeforeEach
    void firstDeployment() {
        if (!deployed) {
            deployer.deploy("the-key");
            deployed = true;
        }
    }

    @AfterAll
    static void stop() {
        ENV.stop();
    }

    @Test
    @Order(1)
    void aConnectionsSecretIsSealedWithTheKey(@ArquillianResource @OperateOnDeployment("the-key") URL service)
            throws SQLException {
        Browser admin = ENV.signIn(service, "admin", "admin@example.com", List.of(IdentityProvider.ADMIN_GROUP));
        connection = ActiveConnection.create(service, admin);
        assertEquals(200, connection.deliver(anUpdate("10931")).statusCode());
        sealedWithTheKey = sealedSecret();
        assertFalse(sealedWithTheKey.contains(connection.secret()), "sealed, not stored as it is");
        deployer.undeploy("the-key");
        deployer.deploy("another-key");
    }

    @Test
    @Order(2)
    void withAnotherKeyItIsNotReadySaysWhyAndOverwritesNothing(
            @ArquillianResource @OperateOnDeployment("another-key") URL service)
            throws SQLException {
        HttpResponse<String> ready = Http.get(ServiceUrls.local(service, "/health/ready"));
        assertEquals(503, ready.statusCode(), ready.body());
        assertTrue(ready.body().contains("does not open the secrets stored in this database"), ready.body());

        HttpResponse<String> delivered = new ActiveConnection(service, connection.id(), connection.secret())
                .deliver(anUpdate("10932"));
        assertEquals(503, delivered.statusCode(),
                "a signature that cannot be checked is not taken: " + delivered.body());
        assertTrue(delivered.body().contains("Restore the previous secrets.key"), delivered.body());
        assertEquals(sealedWithTheKey, sealedSecret(), "the stored secret is left as it was");
        deployer.undeploy("another-key");
        deployer.deploy("the-key");
    }

    @Test
    @Order(3)
    void theRightKeyOpensEverythingAgain(@ArquillianResource @OperateOnDeployment("the-key") URL service) {
        assertEquals(200, Http.get(ServiceUrls.local(service, "/health/ready")).statusCode());
        HttpResponse<String> delivered = new ActiveConnection(service, connection.id(), connection.secret())
                .deliver(anUpdate("10933"));
        assertEquals(200, delivered.statusCode(), delivered.body());
    }

    static String sealedSecret() throws SQLException {
        try (Connection db = ENV.database.connect();
                ResultSet rs = db.createStatement()
                        .executeQuery("select secret_sealed from jira_connection where id = '"
                                + connection.id() + "'")) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }

    /** A delivery that triggers nothing, on an issue of its own. */
    static byte[] anUpdate(String issueId) {
        return JiraEvent.issueUpdated().issue(issueId, "ACME-" + issueId).labels(List.of(), List.of("bug"))
                .bytes(ENV.jiraUrl());
    }
}
