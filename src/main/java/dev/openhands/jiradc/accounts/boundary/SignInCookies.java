package dev.openhands.jiradc.accounts.boundary;

import dev.openhands.jiradc.settings.entity.IntegrationSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * The cookies of sign-in: the session's token, and the sealed pending sign-in while the identity provider has the
 * browser. No script reads them ({@code HttpOnly}), no other site's request sends them ({@code SameSite=Lax}), and
 * plain http never carries them when people come over https ({@code openhands.app-url}; behind a proxy that ends TLS
 * the server itself sees http). The header is written here rather than by the server, so it is the same on all three.
 */
@ApplicationScoped
public class SignInCookies {

    static final String SESSION = "openhands_jira_dc_session";
    static final String PENDING_SIGN_IN = "openhands_jira_dc_sign_in";
    /** Sent back only to the sign-in's own callback. */
    private static final String PENDING_SIGN_IN_PATH = "/sign-in";

    @Inject
    IntegrationSettings settings;

    /** @return a {@code Set-Cookie} header value */
    public String session(String token) {
        return cookie(SESSION, token, "/", settings.signIn().sessionLifetime());
    }

    public String sessionEnded() {
        return cookie(SESSION, "", "/", Duration.ZERO);
    }

    public String pendingSignIn(String sealed, Duration lifetime) {
        return cookie(PENDING_SIGN_IN, sealed, PENDING_SIGN_IN_PATH, lifetime);
    }

    public String pendingSignInEnded() {
        return cookie(PENDING_SIGN_IN, "", PENDING_SIGN_IN_PATH, Duration.ZERO);
    }

    public static Optional<String> sessionToken(HttpServletRequest request) {
        return value(request, SESSION);
    }

    public static Optional<String> pendingSignIn(HttpServletRequest request) {
        return value(request, PENDING_SIGN_IN);
    }

    private static Optional<String> value(HttpServletRequest request, String name) {
        return Optional.ofNullable(request.getCookies()).stream().flatMap(Arrays::stream)
                .filter(cookie -> cookie.getName().equals(name)).map(Cookie::getValue)
                .filter(value -> !value.isBlank()).findFirst();
    }

    private String cookie(String name, String value, String path, Duration maxAge) {
        return name + "=" + value + "; Path=" + path + "; Max-Age=" + maxAge.toSeconds() + "; HttpOnly; SameSite=Lax"
                + (https() ? "; Secure" : "");
    }

    private boolean https() {
        return settings.appUrl().map(url -> "https".equalsIgnoreCase(url.getScheme())).orElse(false);
    }
}
