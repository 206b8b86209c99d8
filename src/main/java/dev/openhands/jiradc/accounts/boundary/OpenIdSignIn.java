package dev.openhands.jiradc.accounts.boundary;

import dev.openhands.jiradc.settings.entity.IntegrationSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.authentication.mechanism.http.OpenIdAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.openid.ClaimsDefinition;

/**
 * Sign-in with OpenID Connect against the organisation's identity provider, configured by the
 * {@code oidc.*} settings (read here through EL). Only {@code /sign-in} demands it; the JSON APIs
 * answer 401 instead of redirecting.
 */
@OpenIdAuthenticationMechanismDefinition(
        providerURI = "${openIdSignIn.providerUri}",
        clientId = "${openIdSignIn.clientId}",
        clientSecret = "${openIdSignIn.clientSecret}",
        redirectURI = "${baseURL}/sign-in/callback",
        redirectToOriginalResource = true,
        scope = {"openid", "email", "profile"},
        claimsDefinition = @ClaimsDefinition(callerNameClaim = "sub", callerGroupsClaim = "${openIdSignIn.groupsClaim}"))
@Named("openIdSignIn")
@ApplicationScoped
public class OpenIdSignIn {

    /** Used while sign-in is not configured: sign-in then fails at the provider, never succeeds. */
    private static final String NOT_CONFIGURED = "http://sign-in.not-configured.invalid";

    @Inject
    IntegrationSettings settings;

    public String getProviderUri() {
        return settings.signIn().providerUri().map(Object::toString).orElse(NOT_CONFIGURED);
    }

    public String getClientId() {
        return settings.signIn().clientId().orElse("not-configured");
    }

    public String getClientSecret() {
        return settings.signIn().clientSecret().map(secret -> secret.reveal()).orElse("not-configured");
    }

    public String getGroupsClaim() {
        return settings.signIn().groupsClaim();
    }
}
