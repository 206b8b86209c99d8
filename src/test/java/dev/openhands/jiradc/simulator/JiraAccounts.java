package dev.openhands.jiradc.simulator;

import dev.openhands.jiradc.testing.jira.JiraStubs;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulated Jira's people and what lets them in: the service account with its PAT, an admin PAT for the webhook
 * API, and the developer, who signs in to the service as {@code developer@example.com} (the local OpenID provider) and
 * links this Jira account through OAuth 2.0 with PKCE. Codes and tokens are made up per run and checked as Jira checks
 * them: a code once, for its redirect address and code verifier; a refresh token once, as Jira rotates them.
 */
final class JiraAccounts {

    static final String SERVICE_ACCOUNT_PAT = "simulated-service-account-pat";
    static final String ADMIN_PAT = "simulated-admin-pat";
    static final String OAUTH_CLIENT_ID = "openhands-jira-dc";
    static final String OAUTH_CLIENT_SECRET = "simulated-oauth-client-secret";

    record Grant(String redirectUri, String codeChallenge) {
    }

    private final String baseUrl;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Map<String, String> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, String> refreshTokens = new ConcurrentHashMap<>();

    JiraAccounts(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    JsonObject bot() {
        return user("openhands", "JIRAUSER10500", "openhands-bot@example.com", "OpenHands");
    }

    /** The one person of the simulated Jira; the same email as the local OpenID provider's only user. */
    JsonObject developer() {
        return user("developer", "JIRAUSER10100", "developer@example.com", "Developer");
    }

    /** Who a bearer token (PAT or OAuth access token) belongs to. */
    Optional<JsonObject> ownerOf(String token) {
        if (SERVICE_ACCOUNT_PAT.equals(token)) {
            return Optional.of(bot());
        }
        if (ADMIN_PAT.equals(token) || accessTokens.containsKey(token)) {
            return Optional.of(developer());
        }
        return Optional.empty();
    }

    String grant(String redirectUri, String codeChallenge) {
        String code = token("code");
        codes.put(code, new Grant(redirectUri, codeChallenge));
        return code;
    }

    /**
     * The access and refresh token for a code, once; empty when the code, its redirect address or verifier is wrong.
     */
    Optional<String[]> exchange(String code, String redirectUri, String codeVerifier) {
        Grant grant = code == null ? null : codes.remove(code);
        if (grant == null || !grant.redirectUri().equals(redirectUri) || codeVerifier == null
                || !grant.codeChallenge().equals(s256(codeVerifier))) {
            return Optional.empty();
        }
        return Optional.of(issue());
    }

    /** Jira rotates: the old pair stops working. */
    Optional<String[]> refresh(String refreshToken) {
        String access = refreshToken == null ? null : refreshTokens.remove(refreshToken);
        if (access == null) {
            return Optional.empty();
        }
        accessTokens.remove(access);
        return Optional.of(issue());
    }

    boolean linked() {
        return !accessTokens.isEmpty();
    }

    private String[] issue() {
        String access = token("access");
        String refresh = token("refresh");
        accessTokens.put(access, "developer");
        refreshTokens.put(refresh, access);
        return new String[]{access, refresh};
    }

    private JsonObject user(String name, String key, String email, String displayName) {
        return Json.createReader(new StringReader(JiraStubs.user(baseUrl, name, key, email, displayName))).readObject();
    }

    private String token(String kind) {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return "sim-" + kind + "-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
