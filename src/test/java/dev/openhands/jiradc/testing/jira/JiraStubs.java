package dev.openhands.jiradc.testing.jira;

import static com.github.tomakehurst.wiremock.client.WireMock.*;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/** Jira Data Center's answers, shaped like the real ones, for WireMock. */
public final class JiraStubs {

    private JiraStubs() {
    }

    public static String user(String jiraBaseUrl, String name, String key, String email, String displayName) {
        return """
                {"self":"%s/rest/api/2/user?username=%s","key":"%s","name":"%s","emailAddress":"%s",\
                "avatarUrls":{"48x48":"%s/secure/useravatar?avatarId=10122"},"displayName":"%s","active":true,\
                "deleted":false,"timeZone":"Europe/Berlin","locale":"en_US","groups":{"size":1,"items":[]},\
                "applicationRoles":{"size":1,"items":[]},"expand":"groups,applicationRoles"}"""
                .formatted(jiraBaseUrl, name, key, name, email, jiraBaseUrl, displayName);
    }

    public static ResponseDefinitionBuilder tokens(String access, String refresh, long expiresIn) {
        return okJson("""
                {"access_token":"%s","token_type":"bearer","expires_in":%d,"refresh_token":"%s","scope":"WRITE"}"""
                .formatted(access, expiresIn, refresh));
    }

    public static ResponseDefinitionBuilder oauthError(int status, String error, String description) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"%s\",\"error_description\":\"%s\"}".formatted(error, description));
    }

    /** The token endpoint answering one authorization code. */
    public static void code(WireMockServer jira, String code, ResponseDefinitionBuilder answer) {
        jira.stubFor(post("/rest/oauth2/latest/token")
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withFormParam("grant_type", equalTo("authorization_code"))
                .withFormParam("code", equalTo(code))
                .willReturn(answer));
    }

    /** Jira 10's webhook admin API (the jira-webhook plugin), where webhooks are listed, made, updated and deleted. */
    public static final String WEBHOOKS = "/rest/jira-webhook/1.0/webhooks";

    /** Jira 10's webhook API answering this admin PAT, with these webhooks already there (a JSON array). */
    public static void webhookApi(WireMockServer jira, String adminPat, String existingWebhooksJson) {
        jira.stubFor(get(WEBHOOKS).withHeader("Authorization", equalTo("Bearer " + adminPat))
                .willReturn(okJson(existingWebhooksJson)));
        jira.stubFor(post(WEBHOOKS).withHeader("Authorization", equalTo("Bearer " + adminPat))
                .willReturn(okJson(
                        "{\"id\":10,\"name\":\"OpenHands\",\"url\":\"x\",\"active\":true,\"scopeType\":\"global\"}")));
        jira.stubFor(put(urlPathMatching(WEBHOOKS + "/\\d+")).withHeader("Authorization", equalTo("Bearer " + adminPat))
                .willReturn(okJson("{\"id\":10,\"name\":\"OpenHands\",\"url\":\"x\",\"active\":true}")));
        jira.stubFor(
                delete(urlPathMatching(WEBHOOKS + "/\\d+")).withHeader("Authorization", equalTo("Bearer " + adminPat))
                        .willReturn(noContent()));
    }

    /** /myself for one access token. */
    public static void myself(WireMockServer jira, String accessToken, String userJson) {
        jira.stubFor(get("/rest/api/2/myself").withHeader("Authorization", equalTo("Bearer " + accessToken))
                .willReturn(okJson(userJson)));
    }
}
