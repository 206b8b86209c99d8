package dev.openhands.jiradc.accounts.boundary;

import dev.openhands.jiradc.accounts.control.IdTokens;
import dev.openhands.jiradc.accounts.control.IdentityProviderClient.SignInUnavailable;
import dev.openhands.jiradc.accounts.control.IdentityProviderClient;
import dev.openhands.jiradc.accounts.entity.SignedInIdentity;
import dev.openhands.jiradc.ops.boundary.ProcessingContext;
import dev.openhands.jiradc.secrets.boundary.Pkce;
import dev.openhands.jiradc.settings.entity.IntegrationSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.core.UriBuilder;
import java.io.Serializable;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.logging.Logger;

/**
 * Sign-in with OpenID Connect (authorization code flow with PKCE and nonce) against the
 * organisation's identity provider, as a Jakarta Security mechanism. Only {@code /sign-in} demands an
 * identity (web.xml); the provider returns to {@code /sign-in/callback}; the session then carries
 * the caller. Every other request is left alone, so the JSON APIs answer 401 themselves and Jira's
 * own OAuth callback ({@code ?state=&code=}) reaches its resource whether or not anyone is signed in.
 */
@AutoApplySession
@ApplicationScoped
public class SignInMechanism implements HttpAuthenticationMechanism {

    static final String CALLBACK = "/sign-in/callback";
    private static final String PENDING = SignInMechanism.class.getName() + ".pending";
    private static final Logger LOG = ProcessingContext.logger(SignInMechanism.class);

    record PendingSignIn(String state, String nonce, String codeVerifier, String redirectUri) implements Serializable {
    }

    @Inject
    IdentityProviderClient provider;

    @Inject
    IntegrationSettings settings;

    private final Clock clock = Clock.systemUTC();

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (CALLBACK.equals(path)) {
            return finish(request, context);
        }
        if (context.isProtected()) {
            return start(request, context);
        }
        return context.doNothing();
    }

    private AuthenticationStatus start(HttpServletRequest request, HttpMessageContext context) {
        try {
            String redirectUri = baseUrl(request) + CALLBACK;
            PendingSignIn pending = new PendingSignIn(Pkce.randomToken(), Pkce.randomToken(), Pkce.randomToken(), redirectUri);
            request.getSession(true).setAttribute(PENDING, pending);
            return context.redirect(UriBuilder.fromUri(provider.endpoints().authorization())
                    .queryParam("response_type", "code")
                    .queryParam("client_id", settings.signIn().clientId().orElseThrow())
                    .queryParam("redirect_uri", redirectUri)
                    .queryParam("scope", "openid email profile")
                    .queryParam("state", pending.state())
                    .queryParam("nonce", pending.nonce())
                    .queryParam("code_challenge", Pkce.challenge(pending.codeVerifier()))
                    .queryParam("code_challenge_method", "S256")
                    .build().toString());
        } catch (SignInUnavailable | java.util.NoSuchElementException e) {
            return failed(context, "unavailable", e.getMessage());
        }
    }

    private AuthenticationStatus finish(HttpServletRequest request, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        PendingSignIn pending = session == null ? null : (PendingSignIn) session.getAttribute(PENDING);
        if (pending == null || !pending.state().equals(request.getParameter("state"))) {
            return failed(context, "expired", "No sign-in was started in this browser, or it was already completed.");
        }
        session.removeAttribute(PENDING);
        if (request.getParameter("error") != null) {
            return failed(context, "refused", "The identity provider refused the sign-in: " + request.getParameter("error"));
        }
        try {
            JsonObject tokens = provider.exchangeCode(request.getParameter("code"), pending.redirectUri(), pending.codeVerifier());
            IdentityProviderClient.Endpoints endpoints = provider.endpoints();
            JsonObject claims = IdTokens.verify(tokens.getString("id_token", ""), provider::signingKey, endpoints.issuer(),
                    settings.signIn().clientId().orElseThrow(), pending.nonce(), clock.instant());
            SignedInIdentity identity = new SignedInIdentity(claims.getString("sub"), claims.getString("email", ""),
                    claims.get("email_verified") != JsonValue.FALSE, claims.getString("name", ""), groups(claims));
            request.changeSessionId();
            request.getSession().setAttribute(SignedInIdentity.SESSION_ATTRIBUTE, identity);
            return context.notifyContainerAboutLogin(new CallerPrincipal(identity.subject()), new HashSet<>(identity.groups()));
        } catch (SignInUnavailable | IdTokens.InvalidIdToken e) {
            return failed(context, "failed", e.getMessage());
        }
    }

    private List<String> groups(JsonObject claims) {
        JsonValue groups = claims.get(settings.signIn().groupsClaim());
        if (groups instanceof JsonArray array) {
            return array.stream().filter(JsonString.class::isInstance).map(group -> ((JsonString) group).getString()).toList();
        }
        return groups instanceof JsonString single ? List.of(single.getString()) : List.of();
    }

    private AuthenticationStatus failed(HttpMessageContext context, String reason, String message) {
        LOG.warning(() -> "Sign-in " + reason + ": " + message);
        return context.redirect(UriBuilder.fromUri(SignInResource.SETTINGS_PAGE).queryParam("sign-in", reason).build().toString());
    }

    private static String baseUrl(HttpServletRequest request) {
        String url = request.getRequestURL().toString();
        return url.substring(0, url.length() - request.getRequestURI().length()) + request.getContextPath();
    }
}
