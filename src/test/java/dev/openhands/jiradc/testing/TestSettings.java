package dev.openhands.jiradc.testing;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A complete, valid set of Admin Console values for a deployment, with fresh secrets each time. */
public final class TestSettings {

    public static final String SERVICE_ACCOUNT_EMAIL = "openhands-bot@example.com";

    public final String servicePat = "pat-" + UUID.randomUUID();
    public final String oauthClientId = "client-" + UUID.randomUUID().toString().substring(0, 8);
    public final String oauthClientSecret = "oauth-secret-" + UUID.randomUUID();
    public final String secretsKey = newSecretsKey();
    public final String oidcClientSecret = "oidc-secret-" + UUID.randomUUID();
    /** OpenHands' service key and organisation, for tests of service-to-service mode (not in {@link #values()}). */
    public final String serviceApiKey = "service-key-" + UUID.randomUUID();
    public final String orgId = UUID.randomUUID().toString();
    /** Where sign-in goes; tests that sign in replace it with a running identity provider. */
    public String identityProviderUrl = "http://127.0.0.1:9/no-identity-provider";
    private final String jiraBaseUrl;
    private final String openHandsUrl;

    public TestSettings(String jiraBaseUrl, String openHandsUrl) {
        this.jiraBaseUrl = jiraBaseUrl;
        this.openHandsUrl = openHandsUrl;
    }

    public Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("jira-dc.enabled", "true");
        values.put("jira-dc.linking-method", "oauth");
        values.put("jira-dc.service-account.email", SERVICE_ACCOUNT_EMAIL);
        values.put("jira-dc.service-account.pat", servicePat);
        values.put("jira-dc.base-url", jiraBaseUrl);
        values.put("jira-dc.oauth.client-id", oauthClientId);
        values.put("jira-dc.oauth.client-secret", oauthClientSecret);
        values.put("openhands.app-url", openHandsUrl);
        values.put("secrets.key", secretsKey);
        values.put("oidc.provider-uri", identityProviderUrl);
        values.put("oidc.client-id", "openhands-jira-dc");
        values.put("oidc.client-secret", oidcClientSecret);
        return values;
    }

    /** Every secret value in these settings, for tests that check none of them leaks. */
    public String[] secretValues() {
        return new String[]{servicePat, oauthClientSecret, secretsKey, oidcClientSecret, serviceApiKey};
    }

    /** A new random {@code secrets.key}. */
    public static String newSecretsKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
