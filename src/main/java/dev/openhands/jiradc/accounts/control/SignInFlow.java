package dev.openhands.jiradc.accounts.control;

import dev.openhands.jiradc.accounts.control.IdentityProviderClient.SignInUnavailable;
import dev.openhands.jiradc.accounts.entity.PendingSignIn;
import dev.openhands.jiradc.accounts.entity.SignedInIdentity;
import dev.openhands.jiradc.secrets.boundary.Pkce;
import dev.openhands.jiradc.secrets.boundary.Secrets;
import dev.openhands.jiradc.settings.entity.IntegrationSettings;
import dev.openhands.jiradc.settings.entity.SettingsKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Sign-in with OpenID Connect (authorization code flow with PKCE and nonce) against the organisation's identity
 * provider. What is pending between the two steps is sealed for the browser to keep, not kept here: the answer may
 * reach another instance, and a flood of sign-ins that never finish costs no memory and no rows.
 */
@ApplicationScoped
public class SignInFlow {

    /** Where to send the browser, and the sealed pending sign-in it keeps until the identity provider sends it back. */
    public record Started(URI authorization, String sealedPendingSignIn) {
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

    @Inject
    Secrets secrets;

    private final Clock clock = Clock.systemUTC();

    /** Sends the browser to the identity provider's authorization endpoint, back to {@code redirectUri}. */
    public Started start(String redirectUri) throws SignInFailed {
        if (!secrets.available()) {
            throw new SignInFailed("unavailable",
                    "no " + SettingsKeys.SECRETS_KEY + " is configured to seal sign-ins with");
        }
        try {
            PendingSignIn pending = PendingSignIn.start(redirectUri, clock.instant());
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
            return new Started(authorization, secrets.sealForBrowser(PendingSignIn.PURPOSE, pending.toJson()));
        } catch (SignInUnavailable | NoSuchElementException e) {
            throw new SignInFailed("unavailable", e.getMessage());
        }
    }

    /** The identity provider's answer, checked against the pending sign-in {@link #start} gave the browser. */
    public SignedInIdentity finish(Optional<String> sealedPendingSignIn, String state, String code, String error)
            throws SignInFailed {
        PendingSignIn pending = sealedPendingSignIn
                .flatMap(sealed -> secrets.openFromBrowser(PendingSignIn.PURPOSE, sealed))
                .flatMap(PendingSignIn::fromJson).filter(started -> started.answeredBy(state, clock.instant()))
                .orElseThrow(() -> new SignInFailed("expired", "No sign-in was started in this browser in the last "
                        + PendingSignIn.LIFETIME.toMinutes() + " minutes, or it was already completed."));
        if (error != null) {
            throw new SignInFailed("refused", "The identity provider refused the sign-in: " + error);
        }
        try {
            JsonObject tokens = provider.exchangeCode(code, pending.redirectUri(), pending.codeVerifier());
            JsonObject claims = provider.idTokens().verify(tokens.getString("id_token", ""), pending.nonce());
            String email = claims.getString("email", "");
            if (email.isBlank()) {
                throw new SignInFailed("no-email",
                        "The identity provider did not say which email address you have; ask its"
                                + " administrator to release the 'email' claim to this service.");
            }
            if (!emailVerified(claims)) {
                throw new SignInFailed("unverified",
                        "The identity provider does not say that " + email + " is verified.");
            }
            return new SignedInIdentity(claims.getString("sub"), email, claims.getString("name", ""), groups(claims),
                    IdTokens.textClaim(claims, settings.signIn().userIdClaim()).orElse(""));
        } catch (SignInUnavailable | IdTokens.InvalidIdToken e) {
            throw new SignInFailed("failed", e.getMessage());
        }
    }

    /**
     * Only {@code true} (or {@code "true"}) counts: an email nobody verified would let anyone who can type a
     * colleague's address into the identity provider be that colleague here. A claim the token leaves out counts only
     * where an admin trusts a provider that never sends it.
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
            return array.stream().filter(JsonString.class::isInstance).map(group -> ((JsonString) group).getString())
                    .toList();
        }
        return groups instanceof JsonString single ? List.of(single.getString()) : List.of();
    }
}
