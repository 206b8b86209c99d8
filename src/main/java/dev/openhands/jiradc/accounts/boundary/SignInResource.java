package dev.openhands.jiradc.accounts.boundary;

import dev.openhands.jiradc.accounts.control.SignInFlow;
import dev.openhands.jiradc.accounts.entity.PendingSignIn;
import dev.openhands.jiradc.accounts.entity.SignedInIdentity;
import dev.openhands.jiradc.platform.ProcessingContext;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.util.logging.Logger;

/**
 * Sign-in: {@code /sign-in} sends an anonymous browser to the identity provider, which returns it to
 * {@code /sign-in/callback}; the browser then holds a session cookie every instance knows ({@link SignedInUser}). Done
 * by the application (the ID token checked with Nimbus JOSE+JWT) rather than Jakarta Security's
 * {@code @OpenIdAuthenticationMechanismDefinition}, because the server runs such a mechanism on every request, Jira's
 * webhook deliveries included (on Payara about a tenth of each delivery's CPU).
 */
@Path("sign-in")
public class SignInResource {

    static final URI SETTINGS_PAGE = URI.create("/settings/integrations");
    static final String CALLBACK = "/sign-in/callback";
    private static final Logger LOG = ProcessingContext.logger(SignInResource.class);

    @Inject
    SignedInUser user;

    @Inject
    SignInFlow flow;

    @Inject
    SignInCookies cookies;

    @Context
    HttpServletRequest request;

    @GET
    public Response signIn() {
        if (user.signedIn()) {
            return Response.seeOther(SETTINGS_PAGE).build();
        }
        try {
            SignInFlow.Started started = flow.start(baseUrl() + CALLBACK);
            return Response.seeOther(started.authorization()).header(HttpHeaders.SET_COOKIE,
                    cookies.pendingSignIn(started.sealedPendingSignIn(), PendingSignIn.LIFETIME)).build();
        } catch (SignInFlow.SignInFailed e) {
            return failed(e);
        }
    }

    /** Where the identity provider sends the browser back. */
    @GET
    @Path("callback")
    public Response callback(@QueryParam("state") String state, @QueryParam("code") String code,
            @QueryParam("error") String error) {
        SignedInIdentity identity;
        try {
            identity = flow.finish(SignInCookies.pendingSignIn(request), state, code, error);
        } catch (SignInFlow.SignInFailed e) {
            return failed(e);
        }
        return Response.seeOther(SETTINGS_PAGE).header(HttpHeaders.SET_COOKIE, cookies.pendingSignInEnded())
                .header(HttpHeaders.SET_COOKIE, cookies.session(user.signIn(identity))).build();
    }

    @POST
    @Path("out")
    public Response signOut() {
        user.signOut();
        return Response.noContent().header(HttpHeaders.SET_COOKIE, cookies.sessionEnded()).build();
    }

    private Response failed(SignInFlow.SignInFailed e) {
        LOG.warning(() -> "Sign-in " + e.reason() + ": " + e.getMessage());
        return Response.seeOther(UriBuilder.fromUri(SETTINGS_PAGE).queryParam("sign-in", e.reason()).build())
                .header(HttpHeaders.SET_COOKIE, cookies.pendingSignInEnded()).build();
    }

    private String baseUrl() {
        String url = request.getRequestURL().toString();
        return url.substring(0, url.length() - request.getRequestURI().length()) + request.getContextPath();
    }
}
