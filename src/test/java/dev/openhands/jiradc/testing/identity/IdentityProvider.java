package dev.openhands.jiradc.testing.identity;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import dev.openhands.jiradc.testing.Http;

/**
 * A real OpenID Connect provider on loopback (mock-oauth2-server), issuer {@code /default}. Before a
 * sign-in, the test says who signs in next with {@link #nextSignIn}.
 */
public final class IdentityProvider {

    public static final String ISSUER = "default";
    public static final String ADMIN_GROUP = "openhands-admins";

    private final MockOAuth2Server server = new MockOAuth2Server();

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

    /** @param claims claims the ID token has besides, or instead of, the usual ones; one mapped to {@code ""} is left out */
    public void nextSignIn(String subject, String email, String name, List<String> groups, Map<String, Object> claims) {
        Map<String, Object> all = new HashMap<>(Map.of("email", email, "email_verified", true, "name", name, "groups", groups));
        all.putAll(claims);
        all.values().removeIf(""::equals);
        server.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER, subject, "JWT", List.of("openhands-jira-dc"), all, 3600));
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

    public void stop() {
        server.shutdown();
    }
}
