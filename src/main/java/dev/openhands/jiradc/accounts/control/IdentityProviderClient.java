package dev.openhands.jiradc.accounts.control;

import static dev.openhands.jiradc.platform.Jsons.JSON;

import dev.openhands.jiradc.platform.TrustedCaContext;
import dev.openhands.jiradc.settings.entity.IntegrationSettings;
import dev.openhands.jiradc.settings.entity.SettingsKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The OpenID provider people sign in with: its discovery document, signing keys and token endpoint, all read with the
 * JDK's CAs and those of {@code jira-dc.trusted-ca} ({@link TrustedCaContext}).
 */
@ApplicationScoped
public class IdentityProviderClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Inject
    IntegrationSettings settings;

    private volatile HttpClient http;
    private volatile JsonObject metadata;
    private volatile IdTokens idTokens;

    public record Endpoints(String issuer, URI authorization, URI token) {
    }

    public Endpoints endpoints() {
        JsonObject meta = metadata();
        return new Endpoints(meta.getString("issuer"), URI.create(meta.getString("authorization_endpoint")),
                URI.create(meta.getString("token_endpoint")));
    }

    /** Checks this provider's ID tokens: one for the life of the deployment, as it keeps the provider's keys. */
    public IdTokens idTokens() {
        if (idTokens == null) {
            synchronized (this) {
                if (idTokens == null) {
                    JsonObject meta = metadata();
                    URI jwksUri;
                    String issuer;
                    try {
                        jwksUri = URI.create(meta.getString("jwks_uri"));
                        issuer = meta.getString("issuer");
                    } catch (RuntimeException e) {
                        throw new SignInUnavailable("The identity provider's configuration does not name its issuer and"
                                + " a jwks_uri that is an address.");
                    }
                    idTokens = new IdTokens(jwksUri, http(), TIMEOUT, issuer,
                            settings.signIn().clientId().orElseThrow(),
                            Clock.systemUTC());
                }
            }
        }
        return idTokens;
    }

    /** Exchanges the authorization code (with its PKCE verifier) for tokens. */
    public JsonObject exchangeCode(String code, String redirectUri, String codeVerifier) {
        Map<String, String> form = new HashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        form.put("code_verifier", codeVerifier);
        form.put("client_id", settings.signIn().clientId().orElseThrow());
        form.put("client_secret", settings.signIn().clientSecret().orElseThrow().reveal());
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(endpoints().token())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)), "exchange the sign-in code");
    }

    private JsonObject metadata() {
        if (metadata == null) {
            URI issuer = settings.signIn().providerUri().orElseThrow(() -> new SignInUnavailable(
                    "Sign-in is not configured: set " + SettingsKeys.OIDC_PROVIDER_URI + ", "
                            + SettingsKeys.OIDC_CLIENT_ID
                            + " and " + SettingsKeys.OIDC_CLIENT_SECRET + "."));
            metadata = send(HttpRequest.newBuilder(URI.create(issuer + "/.well-known/openid-configuration")).GET(),
                    "read the identity provider's configuration");
        }
        return metadata;
    }

    private HttpClient http() {
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
                    .sslContext(TrustedCaContext.with(settings.trustedCertificates())).build();
        }
        return http;
    }

    private JsonObject send(HttpRequest.Builder request, String what) {
        try {
            HttpResponse<String> response = http().send(request.timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new SignInUnavailable(
                        "The identity provider answered " + response.statusCode() + " when asked to "
                                + what + ": " + response.body().lines().findFirst().orElse(""));
            }
            return JSON.createReader(new StringReader(response.body())).readObject();
        } catch (IOException e) {
            throw new SignInUnavailable(
                    "Cannot reach the identity provider to " + what + " (" + e.getClass().getSimpleName()
                            + "); check " + SettingsKeys.OIDC_PROVIDER_URI + ".");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignInUnavailable("Interrupted while asking the identity provider to " + what + ".");
        } catch (RuntimeException e) {
            if (e instanceof SignInUnavailable) {
                throw e;
            }
            throw new SignInUnavailable("The identity provider's answer, when asked to " + what + ", is not readable.");
        }
    }

    public static class SignInUnavailable extends RuntimeException {
        public SignInUnavailable(String message) {
            super(message);
        }
    }
}
