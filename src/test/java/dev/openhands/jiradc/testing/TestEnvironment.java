package dev.openhands.jiradc.testing;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.openhands.jiradc.testing.browser.Browser;
import dev.openhands.jiradc.testing.identity.IdentityProvider;
import dev.openhands.jiradc.testing.openhands.ContractCheck;
import dev.openhands.jiradc.testing.openhands.OpenHandsContract;
import dev.openhands.jiradc.testing.server.TestDeployment;
import java.net.URL;
import java.util.List;
import java.util.Optional;

/**
 * Everything a deployment under test talks to: an OpenID provider, WireMock servers playing Jira
 * and OpenHands, a fresh database, and complete settings pointing at them. One per test class.
 */
public final class TestEnvironment {

    public final IdentityProvider idp = IdentityProvider.start();
    public final WireMockServer jira;
    /** What the OpenHands stand-in saw that OpenHands' API description does not allow; {@link #stop()} fails on it. */
    public final ContractCheck openHandsContract;
    public final WireMockServer openHands;
    public final TestDatabase database = TestDatabase.fresh();
    public final TestSettings settings;

    private TestEnvironment(WireMockServer jira) {
        this(jira, Optional.empty());
    }

    /** @param openHandsCa the CA that signs the OpenHands stand-in's certificate, which then speaks HTTPS only */
    private TestEnvironment(WireMockServer jira, Optional<TestCa> openHandsCa) {
        this.jira = jira;
        this.openHandsContract = new ContractCheck("OpenHands", new OpenHandsContract());
        this.openHands = openHandsCa.map(ca -> MockServers.startOpenHands(openHandsContract, ca))
                .orElseGet(() -> MockServers.startOpenHands(openHandsContract));
        this.settings = new TestSettings(MockServers.baseUrl(jira), MockServers.baseUrl(openHands));
        settings.identityProviderUrl = idp.issuerUrl();
    }

    public static TestEnvironment start() {
        return new TestEnvironment(MockServers.start());
    }

    /**
     * For the benchmarks: a Jira that keeps no record of the requests it answers, which would grow for as long as they
     * run.
     */
    public static TestEnvironment forLoad() {
        return new TestEnvironment(MockServers.startForLoad());
    }

    /** Jira over HTTPS with a certificate the JDK does not trust. */
    public static TestEnvironment withUntrustedJiraCertificate() {
        return new TestEnvironment(MockServers.startHttps());
    }

    /** Jira and OpenHands over HTTPS, each with a certificate the test's own CA signed: both behind an internal CA. */
    public static TestEnvironment withCertificatesFrom(TestCa ca) {
        return new TestEnvironment(MockServers.startHttps(ca), Optional.of(ca));
    }

    public String jiraUrl() {
        return MockServers.baseUrl(jira);
    }

    public String openHandsUrl() {
        return MockServers.baseUrl(openHands);
    }

    /** The WAR configured for this environment; the test may add or remove settings before {@code war()}. */
    public TestDeployment deployment() {
        return TestDeployment.on(database).with(settings.values());
    }

    /** A browser signed in through the identity provider as this person; sign-in ends on the settings page. */
    public Browser signIn(URL service, String subject, String email, List<String> groups) {
        Browser browser = new Browser(path -> ServiceUrls.local(service, path));
        idp.nextSignIn(subject, email, "Person " + subject, groups);
        var landing = browser.signIn();
        if (!landing.uri().getPath().equals("/settings/integrations") || landing.uri().getQuery() != null) {
            throw new IllegalStateException(
                    "sign-in as " + email + " ended on " + landing.uri() + ": " + landing.body());
        }
        return browser;
    }

    /**
     * Stops the servers, then fails when any exchange with the OpenHands stand-in departed from OpenHands' API
     * description: every test class stops its environment after its tests ({@code @AfterAll}), so a violation turns
     * the class red, with each one listed.
     */
    public void stop() {
        idp.stop();
        jira.stop();
        openHands.stop();
        openHandsContract.assertConforming();
    }
}
