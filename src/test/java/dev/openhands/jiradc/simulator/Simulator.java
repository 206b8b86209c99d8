package dev.openhands.jiradc.simulator;

import static com.github.tomakehurst.wiremock.client.WireMock.*;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.openhands.jiradc.testing.MockServers;
import dev.openhands.jiradc.testing.jira.JiraCommentStore;
import dev.openhands.jiradc.testing.openhands.ContractCheck;
import dev.openhands.jiradc.testing.openhands.OpenHandsContract;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A Jira Data Center and an OpenHands on loopback for {@code ./mvnw -Prun}, so that the whole loop can be seen without
 * either: a page with one issue to comment on and label ({@code /simulator}), Jira's REST, OAuth 2.0 and webhook admin
 * APIs, signed webhook deliveries, and OpenHands' API whose conversations end after a few seconds as the page says.
 * Built on the tests' WireMock stand-ins, so that the demo and the tests do not drift apart. Never in the WAR: it lives
 * in the test sources. Every answer carries {@code X-OpenHands-Simulator}; the service refuses to be ready against it
 * outside dev mode.
 */
public final class Simulator implements AutoCloseable {

    private final WireMockServer jira;
    private final WireMockServer openHands;
    private final ContractCheck contract;

    private Simulator(WireMockServer jira, WireMockServer openHands, ContractCheck contract) {
        this.jira = jira;
        this.openHands = openHands;
        this.contract = contract;
    }

    /**
     * @param jiraPort the simulated Jira's port, which also serves the page (0: any free one)
     * @param openHandsPort the simulated OpenHands' port (0: any free one)
     * @param serviceUrl where the service runs, for the page's links
     */
    public static Simulator start(int jiraPort, int openHandsPort, String serviceUrl, Duration ready,
            Duration running) {
        ContractCheck contract = new ContractCheck("OpenHands", new OpenHandsContract());
        SimulatedOpenHands agent = new SimulatedOpenHands(ready, running);
        WireMockServer openHands = MockServers.startOpenHands(contract, openHandsPort, agent);
        openHands.stubFor(
                any(urlPathMatching("/api/.*")).willReturn(aResponse().withTransformers(SimulatedOpenHands.NAME)));

        // the Jira server's address is known once it listens; the parts that need it are made on the first answer
        Late late = new Late();
        JiraCommentStore comments = new JiraCommentStore(token -> late.accounts.ownerOf(token));
        WireMockServer jira = MockServers.startJira(jiraPort, comments, late);
        String jiraUrl = MockServers.baseUrl(jira);
        late.accounts = new JiraAccounts(jiraUrl);
        JiraWebhooks webhooks = new JiraWebhooks();
        Deliveries deliveries = new Deliveries(jiraUrl, webhooks);
        SimulatedIssue issue = new SimulatedIssue(jiraUrl, comments, late.accounts, deliveries);
        late.jira = new SimulatedJira(jiraUrl, late.accounts, webhooks, issue);
        late.page = new SimulatorPage(serviceUrl, issue, late.accounts, webhooks, deliveries, agent);
        jira.stubFor(
                any(urlPathMatching("/rest/.*")).atPriority(5).willReturn(aResponse().withTransformers(Late.NAME)));
        jira.stubFor(any(urlPathMatching("/simulator.*")).willReturn(aResponse().withTransformers(Late.NAME)));
        jira.stubFor(get("/").willReturn(temporaryRedirect("/simulator")));
        return new Simulator(jira, openHands, contract);
    }

    public String jiraUrl() {
        return MockServers.baseUrl(jira);
    }

    public String openHandsUrl() {
        return MockServers.baseUrl(openHands);
    }

    public String pageUrl() {
        return jiraUrl() + "/simulator";
    }

    /** What the simulated OpenHands answered outside OpenHands' published API description, if anything. */
    public List<String> contractViolations() {
        return contract.violations();
    }

    @Override
    public void close() {
        jira.stop();
        openHands.stop();
    }

    /**
     * {@code ./mvnw -Prun} starts it (system properties {@code simulator.jira-port}, {@code simulator.openhands-port},
     * {@code simulator.service-url}); it says where to go once the service is ready.
     */
    public static void main(String[] args) throws InterruptedException {
        String serviceUrl = System.getProperty("simulator.service-url", "http://localhost:8080");
        Simulator simulator = start(Integer.getInteger("simulator.jira-port", 8280),
                Integer.getInteger("simulator.openhands-port", 8281),
                serviceUrl, Duration.ofSeconds(2), Duration.ofSeconds(5));
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
        System.out
                .println("[simulator] Jira DC on " + simulator.jiraUrl() + ", OpenHands on " + simulator.openHandsUrl()
                        + "; waiting for the service at " + serviceUrl);
        awaitReady(serviceUrl);
        String line = "=".repeat(100);
        System.out.println("\n" + line + "\n  The service answers. Open the simulated Jira issue: "
                + simulator.pageUrl()
                + "\n  and follow its Setup steps (sign in, install the webhook, link Jira, save an API key), then"
                + " comment @openhands.\n" + line + "\n");
        Set<String> said = new HashSet<>();
        while (true) {
            Thread.sleep(2000);
            for (String violation : simulator.contractViolations()) {
                if (said.add(violation)) {
                    System.out.println("[simulator] an exchange outside OpenHands' API description: " + violation);
                }
            }
        }
    }

    private static void awaitReady(String serviceUrl) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(serviceUrl + "/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        while (true) {
            try {
                // UP or DOWN, with the service's own checks: Payara answers /health before the application is deployed
                HttpResponse<String> answer = http.send(ready, HttpResponse.BodyHandlers.ofString());
                if (answer.body().contains("\"settings\"")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(1000);
        }
    }

    /** The extension WireMock needs at its start, answering with the parts made once the address is known. */
    private static final class Late implements ResponseDefinitionTransformerV2 {

        static final String NAME = "simulator";
        volatile JiraAccounts accounts;
        volatile SimulatedJira jira;
        volatile SimulatorPage page;

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            return event.getRequest().getUrl().startsWith("/simulator") ? page.transform(event) : jira.transform(event);
        }
    }
}
