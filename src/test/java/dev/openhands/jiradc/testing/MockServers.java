package dev.openhands.jiradc.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.Extension;
import dev.openhands.jiradc.testing.jira.JiraCommentStore;
import dev.openhands.jiradc.testing.openhands.ContractCheck;
import dev.openhands.jiradc.testing.openhands.StartTaskSearch;

/**
 * WireMock servers on loopback standing in for Jira Data Center and OpenHands. The deployed
 * application reaches them through the URLs put in its configuration.
 */
public final class MockServers {

    /** Below every stub a test makes (WireMock's default priority is 5). */
    private static final int UNKNOWN_IDS = 10;

    private MockServers() {
    }

    public static WireMockServer start() {
        WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
                .stubRequestLoggingDisabled(true).extensions(new JiraCommentStore()));
        server.start();
        return server;
    }

    /**
     * OpenHands, its every exchange judged by OpenHands' published API description; ids no stub knows are answered as
     * OpenHands answers them in its batch reads, a {@code null} in the list for each, and a person's start tasks are
     * found by {@link StartTaskSearch}.
     */
    public static WireMockServer startOpenHands(ContractCheck contract) {
        return startOpenHands(contract, options().bindAddress("127.0.0.1").dynamicPort());
    }

    /** The same on a port of its own (0: any), with more extensions: the simulator's OpenHands. */
    public static WireMockServer startOpenHands(ContractCheck contract, int port, Extension... more) {
        return startOpenHands(contract, options().bindAddress("127.0.0.1").port(port).extensions(more));
    }

    /** A Jira on loopback on a port of its own (0: any), keeping comments in this store: the simulator's Jira. */
    public static WireMockServer startJira(int port, JiraCommentStore comments, Extension... more) {
        WireMockServer server = new WireMockServer(
                options().bindAddress("127.0.0.1").port(port).stubRequestLoggingDisabled(true)
                        .extensions(comments).extensions(more));
        server.start();
        JiraCommentStore.keepComments(server);
        return server;
    }

    /**
     * The same, over HTTPS only, with a certificate from the test's own CA: a self-hosted OpenHands behind an internal
     * CA.
     */
    public static WireMockServer startOpenHands(ContractCheck contract, TestCa ca) {
        return startOpenHands(contract, httpsFrom(ca));
    }

    private static WireMockServer startOpenHands(ContractCheck contract, WireMockConfiguration options) {
        StartTaskSearch startTasks = new StartTaskSearch();
        WireMockServer server = new WireMockServer(
                options.stubRequestLoggingDisabled(true).extensions(contract, startTasks));
        server.start();
        startTasks.serve(server, UNKNOWN_IDS);
        for (String batch : new String[]{"/api/v1/app-conversations", "/api/v1/app-conversations/start-tasks"}) {
            server.stubFor(get(urlPathEqualTo(batch)).atPriority(UNKNOWN_IDS).willReturn(okJson(
                    "[{{#each request.query.ids}}{{#unless @first}},{{/unless}}null{{/each}}]")
                    .withTransformers("response-template")));
        }
        return server;
    }

    /** Without a request journal: the load generator's Jira would otherwise keep every request, and pay for it. */
    public static WireMockServer startForLoad() {
        WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
                .stubRequestLoggingDisabled(true).disableRequestJournal());
        server.start();
        return server;
    }

    /** Over HTTPS only, with WireMock's own self-signed certificate, which no JDK trusts. */
    public static WireMockServer startHttps() {
        WireMockServer server = new WireMockServer(
                options().bindAddress("127.0.0.1").httpDisabled(true).dynamicHttpsPort()
                        .stubRequestLoggingDisabled(true));
        server.start();
        return server;
    }

    /** Over HTTPS only, with a certificate from the test's own CA. */
    public static WireMockServer startHttps(TestCa ca) {
        WireMockServer server = new WireMockServer(httpsFrom(ca).stubRequestLoggingDisabled(true));
        server.start();
        return server;
    }

    private static WireMockConfiguration httpsFrom(TestCa ca) {
        return options().bindAddress("127.0.0.1").httpDisabled(true).dynamicHttpsPort()
                .keystorePath(ca.jiraKeystore.toString()).keystorePassword(TestCa.PASSWORD)
                .keyManagerPassword(TestCa.PASSWORD)
                .keystoreType("PKCS12");
    }

    public static String baseUrl(WireMockServer server) {
        return server.getOptions().getHttpDisabled() ? "https://127.0.0.1:" + server.httpsPort()
                : "http://127.0.0.1:" + server.port();
    }
}
