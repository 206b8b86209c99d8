package dev.openhands.jiradc.accounts.control;

import static dev.openhands.jiradc.platform.Jsons.JSON;

import dev.openhands.jiradc.settings.entity.IntegrationSettings;
import dev.openhands.jiradc.settings.entity.SettingsKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The OpenID provider people sign in with: its discovery document, signing keys and token endpoint. */
@ApplicationScoped
public class IdentityProviderClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Inject
    IntegrationSettings settings;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private volatile JsonObject metadata;
    private volatile Map<String, PublicKey> keys = Map.of();

    public record Endpoints(String issuer, URI authorization, URI token) {
    }

    public Endpoints endpoints() {
        JsonObject meta = metadata();
        return new Endpoints(meta.getString("issuer"), URI.create(meta.getString("authorization_endpoint")),
                URI.create(meta.getString("token_endpoint")));
    }

    /** The key with this id; an unknown id reloads the provider's keys once, as providers rotate them. */
    public Optional<PublicKey> signingKey(String keyId) {
        PublicKey key = find(keyId);
        if (key == null) {
            keys = loadKeys();
            key = find(keyId);
        }
        return Optional.ofNullable(key);
    }

    private PublicKey find(String keyId) {
        Map<String, PublicKey> known = keys;
        return keyId.isEmpty() && known.size() == 1 ? known.values().iterator().next() : known.get(keyId);
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
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(endpoints().token())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)), "exchange the sign-in code");
    }

    private JsonObject metadata() {
        if (metadata == null) {
            URI issuer = settings.signIn().providerUri().orElseThrow(() -> new SignInUnavailable(
                    "Sign-in is not configured: set " + SettingsKeys.OIDC_PROVIDER_URI + ", " + SettingsKeys.OIDC_CLIENT_ID
                            + " and " + SettingsKeys.OIDC_CLIENT_SECRET + "."));
            metadata = send(HttpRequest.newBuilder(URI.create(issuer + "/.well-known/openid-configuration")).GET(),
                    "read the identity provider's configuration");
        }
        return metadata;
    }

    private Map<String, PublicKey> loadKeys() {
        JsonObject jwks = send(HttpRequest.newBuilder(URI.create(metadata().getString("jwks_uri"))).GET(),
                "read the identity provider's signing keys");
        Map<String, PublicKey> loaded = new HashMap<>();
        for (JsonObject jwk : jwks.getJsonArray("keys").getValuesAs(JsonObject.class)) {
            if (!"enc".equals(jwk.getString("use", "sig"))) {
                publicKey(jwk).ifPresent(key -> loaded.put(jwk.getString("kid", ""), key));
            }
        }
        return Map.copyOf(loaded);
    }

    private static Optional<PublicKey> publicKey(JsonObject jwk) {
        try {
            switch (jwk.getString("kty", "")) {
                case "RSA":
                    return Optional.of(KeyFactory.getInstance("RSA").generatePublic(
                            new RSAPublicKeySpec(number(jwk, "n"), number(jwk, "e"))));
                case "EC":
                    String curve = Map.of("P-256", "secp256r1", "P-384", "secp384r1").get(jwk.getString("crv", ""));
                    if (curve == null) {
                        return Optional.empty();
                    }
                    AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
                    parameters.init(new ECGenParameterSpec(curve));
                    return Optional.of(KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(
                            new ECPoint(number(jwk, "x"), number(jwk, "y")), parameters.getParameterSpec(ECParameterSpec.class))));
                default:
                    return Optional.empty();
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static BigInteger number(JsonObject jwk, String name) {
        return new BigInteger(1, Base64.getUrlDecoder().decode(jwk.getString(name)));
    }

    private JsonObject send(HttpRequest.Builder request, String what) {
        try {
            HttpResponse<String> response = http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new SignInUnavailable("The identity provider answered " + response.statusCode() + " when asked to "
                        + what + ": " + response.body().lines().findFirst().orElse(""));
            }
            return JSON.createReader(new StringReader(response.body())).readObject();
        } catch (IOException e) {
            throw new SignInUnavailable("Cannot reach the identity provider to " + what + " (" + e.getClass().getSimpleName()
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
