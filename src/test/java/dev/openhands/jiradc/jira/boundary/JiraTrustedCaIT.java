package dev.openhands.jiradc.jira.boundary;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.openhands.jiradc.testing.Http;
import dev.openhands.jiradc.testing.TestCa;
import dev.openhands.jiradc.testing.TestEnvironment;
import dev.openhands.jiradc.testing.browser.Browser;
import dev.openhands.jiradc.testing.identity.IdentityProvider;
import dev.openhands.jiradc.testing.jira.JiraStubs;
import dev.openhands.jiradc.testing.openhands.OpenHandsUsers;
import dev.openhands.jiradc.testing.server.TestDeployment;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
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
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An internal Jira and a self-hosted OpenHands whose certificates come from the company's own CA (made by the
 * test): calls fail with a TLS message pointing to {@code jira-dc.trusted-ca} until it holds that CA, then succeed,
 * whether the CA is given as PEM text or as the path of a PEM file. Seen as admins see it, in the troubleshooting
 * checks, which call Jira's {@code /rest/api/2/myself} with the service account's PAT, and as a person saving their
 * OpenHands API key sees it (the service asks OpenHands whose key it is).
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JiraTrustedCaIT {

    static final TestCa CA = TestCa.generate(Path.of(System.getProperty("it.directory", "target"), "test-ca"));
    static final TestEnvironment ENV = TestEnvironment.withCertificatesFrom(CA);

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = "untrusted", managed = false, testable = false)
    static WebArchive untrusted() {
        ENV.jira.stubFor(
                get("/rest/api/2/myself").withHeader("Authorization", equalTo("Bearer " + ENV.settings.servicePat))
                        .willReturn(okJson(JiraStubs.user(ENV.jiraUrl(), "openhands", "JIRAUSER10500",
                                "openhands-bot@example.com", "OH"))));
        return deployment().war("untrusted");
    }

    @Deployment(name = "pem-text", managed = false, testable = false)
    static WebArchive pemText() {
        return deployment().with("jira-dc.trusted-ca", CA.certificatePem()).war("pem-text");
    }

    @Deployment(name = "pem-file", managed = false, testable = false)
    static WebArchive pemFile() {
        return deployment().with("jira-dc.trusted-ca", CA.certificateFile.toAbsolutePath().toString()).war("pem-file");
    }

    /**
     * OpenHands' API behind the internal CA; people reach this service over plain http here, as the test's browser does
     * (an https app URL would make the session cookie Secure, which a client on plain http does not send back).
     */
    static TestDeployment deployment() {
        return ENV.deployment()
                .with("openhands.api-url", ENV.openHandsUrl())
                .with("openhands.app-url", "http://openhands.example.com");
    }

    @AfterAll
    static void stop() {
        ENV.stop();
    }

    // Arquillian gives a deployment's URL to a test method only once it is deployed: each case deploys in one method,
    // checks in the next

    static String deployed;

    /** Each test runs on the deployment its URL names, deployed for it (each undeploys its own when done). */
    @BeforeEach
    void deployWhatTheTestNames(TestInfo test) {
        String name = Arrays.stream(test.getTestMethod().orElseThrow().getParameters())
                .map(parameter -> parameter.getAnnotation(OperateOnDeployment.class)).filter(Objects::nonNull)
                .findFirst()
                .orElseThrow().value();
        if (!name.equals(deployed)) {
            ENV.jira.resetRequests();
            deployer.deploy(name);
            deployed = name;
        }
    }

    @Test
    @Order(1)
    void withoutTheCaOpenHandsIsRefusedWithTheTrustedCaAdvice(
            @ArquillianResource @OperateOnDeployment("untrusted") URL service) {
        HttpResponse<String> savedKey = saveApiKey(service);
        assertEquals(503, savedKey.statusCode(), savedKey.body());
        assertTrue(Http.json(savedKey).getString("error").contains("OpenHands' TLS certificate at " + ENV.openHandsUrl()
                + " is not trusted"), savedKey.body());
        assertTrue(Http.json(savedKey).getString("error").contains("Add the certificate of the CA that issued it to"
                + " jira-dc.trusted-ca"), savedKey.body());
        assertTrue(ENV.openHands.findAll(getRequestedFor(urlEqualTo("/api/v1/users/me"))).isEmpty(),
                "no request got through the TLS handshake");
    }

    @Test
    @Order(2)
    void withoutTheCaJiraIsRefusedWithTheTrustedCaAdvice(
            @ArquillianResource @OperateOnDeployment("untrusted") URL service) {
        JsonObject reachable = undeployedAfter("untrusted", () -> check(service, "jira-reachable"));
        assertEquals("problem", reachable.getString("status"), reachable.toString());
        assertTrue(reachable.getString("fix").contains("jira-dc.trusted-ca"), reachable.toString());
        assertTrue(ENV.jira.findAll(getRequestedFor(urlEqualTo("/rest/api/2/myself"))).isEmpty(),
                "no request got through the TLS handshake");
    }

    @Test
    @Order(3)
    void theCaAsPemTextIsTrusted(@ArquillianResource @OperateOnDeployment("pem-text") URL service) {
        HttpResponse<String> savedKey = saveApiKey(service);
        assertEquals(200, savedKey.statusCode(), "OpenHands is trusted too: " + savedKey.body());
        assertTrusted(undeployedAfter("pem-text", () -> check(service, "jira-reachable")));
    }

    @Test
    @Order(4)
    void theCaAsAPemFileIsTrusted(@ArquillianResource @OperateOnDeployment("pem-file") URL service) {
        assertTrusted(undeployedAfter("pem-file", () -> check(service, "jira-reachable")));
    }

    static void assertTrusted(JsonObject reachable) {
        assertEquals("ok", reachable.getString("status"), reachable.toString());
        assertTrue(
                reachable.getString("detail")
                        .contains("its certificate is trusted (1 certificate from jira-dc.trusted-ca)"),
                reachable.toString());
        assertFalse(ENV.jira.findAll(getRequestedFor(urlEqualTo("/rest/api/2/myself"))).isEmpty(),
                "Jira was called over https");
    }

    JsonObject undeployedAfter(String name, Supplier<JsonObject> look) {
        try {
            return look.get();
        } finally {
            deployer.undeploy(name);
        }
    }

    /** A person saves their OpenHands API key: the service asks OpenHands, over HTTPS, whose key it is. */
    static HttpResponse<String> saveApiKey(URL service) {
        String subject = "person-" + UUID.randomUUID();
        OpenHandsUsers.keyBelongsTo(ENV.openHands, "oh-key-" + subject, subject + "@example.com");
        Browser person = ENV.signIn(service, subject, subject + "@example.com", List.of());
        return person.putJson("/api/integrations/jira-dc/account/openhands-api-key",
                "{\"apiKey\":\"oh-key-" + subject + "\"}");
    }

    /** The troubleshooting check with this id, as an admin sees it. */
    static JsonObject check(URL service, String id) {
        Browser admin = ENV.signIn(service, "admin-" + UUID.randomUUID(), "admin@example.com",
                List.of(IdentityProvider.ADMIN_GROUP));
        var diagnostics = admin.get("/api/integrations/jira-dc/diagnostics");
        assertEquals(200, diagnostics.statusCode(), diagnostics.body());
        return Http.json(diagnostics).getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> id.equals(check.getString("id"))).findFirst().orElseThrow();
    }
}
