package dev.openhands.jiradc.accounts.control;

import dev.openhands.jiradc.accounts.control.IdentityProviderClient.SignInUnavailable;
import dev.openhands.jiradc.accounts.entity.SignedInIdentity;
import dev.openhands.jiradc.secrets.boundary.Pkce;
import dev.openhands.jiradc.settings.entity.IntegrationSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.core.UriBuilder;
import java.io.Serializable;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Sign-in with OpenID Connect (authorization code flow with PKCE and nonce) against the
 * organisation's identity provider; what is pending between the two steps is kept in the session.
 */
@ApplicationScoped
public class SignInFlow {

    private static final String PENDING = SignInFlow.class.getName() + ".pending";
    static final int PENDING_SECONDS = 300;

    record PendingSignIn(String state, String nonce, String codeVerifier, String redirectUri) implements Serializable {
    }

    /** Sign-in did not happen; {@code reason} is a word for the settings page, the message says why. */
    public static class SignInFailed extends Exception {
        private final String reason;

        SignInFailed(String reason, String message) {
            super(message);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    @Inject
    IdentityProviderClient provider;

    @Inject
    IntegrationSettings settings;

    private final Clock clock = Clock.systemUTC();

    /** @return where to send the browser: the identity provider's authorization endpoint, back to {@code redirectUri} */
    public URI start(HttpSession session, String redirectUri) throws SignInFailed {
        try {
            PendingSignIn pending = new PendingSignIn(Pkce.randomToken(), Pkce.randomToken(), Pkce.randomToken(), redirectUri);
            // a session that only waits for the identity provider's answer lives minutes, so a flood of /sign-in cannot fill memory
            session.setMaxInactiveInterval(PENDING_SECONDS);
            URI authorization = UriBuilder.fromUri(provider.endpoints().authorization())
                    .queryParam("response_type", "code")
                    .queryParam("client_id", settings.signIn().clientId().orElseThrow())
                    .queryParam("redirect_uri", redirectUri)
                    .queryParam("scope", "openid email profile")
                    .queryParam("state", pending.state())
                    .queryParam("nonce", pending.nonce())
                    .queryParam("code_challenge", Pkce.challenge(pending.codeVerifier()))
                    .queryParam("code_challenge_method", "S256")
                    .build();
            session.setAttribute(PENDING, pending);
            return authorization;
        } catch (SignInUnavailable | NoSuchElementException e) {
            throw new SignInFailed("unavailable", e.getMessage());
        }
    }

    /** The identity provider's answer, checked against what {@link #start} left in the session. */
    public SignedInIdentity finish(HttpSession session, String state, String code, String error) throws SignInFailed {
        PendingSignIn pending = session == null ? null : (PendingSignIn) session.getAttribute(PENDING);
        if (pending == null || !pending.state().equals(state)) {
            throw new SignInFailed("expired", "No sign-in was started in this browser, or it was already completed.");
        }
        session.removeAttribute(PENDING);
        if (error != null) {
            throw new SignInFailed("refused", "The identity provider refused the sign-in: " + error);
        }
        try {
            JsonObject tokens = provider.exchangeCode(code, pending.redirectUri(), pending.codeVerifier());
            IdentityProviderClient.Endpoints endpoints = provider.endpoints();
            JsonObject claims = IdTokens.verify(tokens.getString("id_token", ""), provider::signingKey, endpoints.issuer(),
                    settings.signIn().clientId().orElseThrow(), pending.nonce(), clock.instant());
            String email = claims.getString("email", "");
            if (email.isBlank()) {
                throw new SignInFailed("no-email", "The identity provider did not say which email address you have; ask its"
                        + " administrator to release the 'email' claim to this service.");
            }
            if (!emailVerified(claims)) {
                throw new SignInFailed("unverified", "The identity provider does not say that " + email + " is verified.");
            }
            return new SignedInIdentity(claims.getString("sub"), email, claims.getString("name", ""), groups(claims),
                    IdTokens.textClaim(claims, settings.signIn().userIdClaim()).orElse(""), clock.instant());
        } catch (SignInUnavailable | IdTokens.InvalidIdToken e) {
            throw new SignInFailed("failed", e.getMessage());
        }
    }

    /** The session of a person just signed in: no longer the few minutes of a pending sign-in, but a signed-in lifetime. */
    public void keep(HttpSession session, SignedInIdentity identity) {
        session.setAttribute(SignedInIdentity.SESSION_ATTRIBUTE, identity);
        session.setMaxInactiveInterval((int) settings.signIn().sessionLifetime().toSeconds());
    }

    /**
     * Only {@code true} (or {@code "true"}) counts: an email nobody verified would let anyone who can type a colleague's
     * address into the identity provider be that colleague here. A claim the token leaves out counts only where an
     * admin trusts a provider that never sends it.
     */
    private boolean emailVerified(JsonObject claims) {
        JsonValue verified = claims.get("email_verified");
        if (verified == null) {
            return settings.signIn().trustEmailWithoutVerifiedClaim();
        }
        return verified == JsonValue.TRUE || verified instanceof JsonString text && text.getString().equals("true");
    }

    private List<String> groups(JsonObject claims) {
        JsonValue groups = claims.get(settings.signIn().groupsClaim());
        if (groups instanceof JsonArray array) {
            return array.stream().filter(JsonString.class::isInstance).map(group -> ((JsonString) group).getString()).toList();
        }
        return groups instanceof JsonString single ? List.of(single.getString()) : List.of();
    }
}
