package dev.openhands.jiradc.testing.jira;

import dev.openhands.jiradc.testing.TestEnvironment;
import dev.openhands.jiradc.testing.browser.Browser;
import java.net.URI;

/** Connects a signed-in person's Jira account the way a browser does: Connect, Jira grants, callback. */
public final class JiraOAuthDance {

    private JiraOAuthDance() {
    }

    /** @return the outcome code the settings page receives ({@code connected}, ...) */
    public static String connect(TestEnvironment env, Browser browser, String jiraUserJson, String code,
            String accessToken,
            String refreshToken) {
        return connect(env, browser, jiraUserJson, code, accessToken, refreshToken, 3600);
    }

    /** @param expiresIn the access token's lifetime in seconds, as Jira states it */
    public static String connect(TestEnvironment env, Browser browser, String jiraUserJson, String code,
            String accessToken,
            String refreshToken, long expiresIn) {
        JiraStubs.code(env.jira, code, JiraStubs.tokens(accessToken, refreshToken, expiresIn));
        JiraStubs.myself(env.jira, accessToken, jiraUserJson);
        URI authorize = URI.create(browser.getNoRedirect("/api/integrations/jira-dc/link/connect").headers()
                .firstValue("Location").orElseThrow());
        String state = authorize.getQuery().replaceAll(".*state=([^&]+).*", "$1");
        String location = browser.getNoRedirect("/integration/jira-dc/callback?code=" + code + "&state=" + state)
                .headers()
                .firstValue("Location").orElseThrow();
        return location.replaceAll(".*jira-dc=([^&]+).*", "$1");
    }
}
