package dev.openhands.jiradc.testing.identity;

import com.nimbusds.jose.jwk.RSAKey;
import dev.openhands.jiradc.testing.Http;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.http.MockWebServerWrapper;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import no.nav.security.mock.oauth2.http.Route;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import okhttp3.Headers;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A real OpenID Connect provider on loopback (mock-oauth2-server), issuer {@code /default}. Before a
 * sign-in, the test says who signs in next with {@link #nextSignIn}.
 */
public final class IdentityProvider {

    public static final String ISSUER = "default";
    public static final String ADMIN_GROUP = "openhands-admins";

    private final AtomicReference<String> nextIdToken = new AtomicReference<>();
    private final MockOAuth2Server server = new MockOAuth2Server(new ForgedCodeExchange(nextIdToken));
    private int keyReads;

    public static IdentityProvider start() {
        IdentityProvider provider = new IdentityProvider();
        try {
            provider.server.start(InetAddress.getByName("127.0.0.1"), 0);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
        return provider;
    }

    /** The issuer URL to configure as {@code oidc.provider-uri}. */
    public String issuerUrl() {
        return server.issuerUrl(ISSUER).toString().replaceAll("/$", "");
    }

    public void nextSignIn(String subject, String email, String name, List<String> groups) {
        nextSignIn(subject, email, name, groups, Map.of());
    }

    /**
     * @param claims claims the ID token has besides, or instead of, the usual ones; one mapped to {@code ""} is left
     * out
     */
    public void nextSignIn(String subject, String email, String name, List<String> groups, Map<String, Object> claims) {
        Map<String, Object> all = new HashMap<>(
                Map.of("email", email, "email_verified", true, "name", name, "groups", groups));
        all.putAll(claims);
        all.values().removeIf(""::equals);
        server.enqueueCallback(
                new DefaultOAuth2TokenCallback(ISSUER, subject, "JWT", List.of("openhands-jira-dc"), all, 3600));
    }

    /**
     * What the provider answers a browser sent to its authorization endpoint (by the service's {@code /sign-in}): the
     * redirect back to the service's callback, with the code and the state, for a test to take to any instance.
     */
    public URI answer(URI authorization) {
        var answer = Http.get(authorization);
        return URI.create(answer.headers().firstValue("Location").orElseThrow(() -> new AssertionError(
                "the identity provider did not send the browser back: " + answer.statusCode() + " " + answer.body())));
    }

    /**
     * The provider's token endpoint answers the next code exchange with this ID token instead of its own: as a provider
     * that is wrong, or someone between it and the service, would.
     */
    public void answerNextCodeExchangeWith(String idToken) {
        nextIdToken.set(idToken);
    }

    /** A JWT with these claims (and iat, nbf, exp {@code expiresIn} from now), signed with the provider's own key. */
    public String signedByTheProvider(Map<String, Object> claims, Duration expiresIn) {
        return server.getConfig().getTokenProvider().jwt(claims, expiresIn, ISSUER).serialize();
    }

    /** The provider's public signing key, as anyone can read it at its jwks_uri. */
    public RSAKey publicKey() {
        return (RSAKey) server.getConfig().getTokenProvider().publicJwkSet(ISSUER).getKeys().get(0);
    }

    /** How often the provider's keys ({@code jwks_uri}) have been read since it started. */
    public synchronized int keyReads() {
        var requests = ((MockWebServerWrapper) server.getConfig().getHttpServer()).getMockWebServer();
        try {
            for (RecordedRequest request = requests.takeRequest(0,
                    TimeUnit.MILLISECONDS); request != null; request = requests.takeRequest(0, TimeUnit.MILLISECONDS)) {
                if (request.getRequestUrl() != null && request.getRequestUrl().encodedPath().endsWith("/jwks")) {
                    keyReads++;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return keyReads;
    }

    public void stop() {
        server.shutdown();
    }

    /** Answers a code exchange with the ID token a test put in, once; every other request goes to the provider. */
    private record ForgedCodeExchange(AtomicReference<String> idToken) implements Route {

        @Override
        public boolean match(OAuth2HttpRequest request) {
            return idToken.get() != null && request.getMethod().equals("POST")
                    && request.getUrl().encodedPath().endsWith("/token");
        }

        @Override
        public OAuth2HttpResponse invoke(OAuth2HttpRequest request) {
            String body = "{\"access_token\":\"at\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"id_token\":\""
                    + idToken.getAndSet(null) + "\"}";
            return new OAuth2HttpResponse(Headers.of("Content-Type", "application/json"), 200, body, null);
        }
    }
}
