package dev.openhands.jiradc.accounts.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * {@code /sign-in} is the one URL that demands an identity (see web.xml): reaching it means the
 * identity provider has signed the person in, and it records the sign-in.
 */
@Path("sign-in")
public class SignInResource {

    static final URI SETTINGS_PAGE = URI.create("/settings/integrations");

    @Inject
    SignedInUser user;

    /** Protected (web.xml): an anonymous browser is sent to the identity provider first. */
    @GET
    public Response signIn() {
        return callback();
    }

    /** Where the identity provider sends the browser back, signed in. */
    @GET
    @Path("callback")
    public Response callback() {
        user.signIn();
        return Response.seeOther(SETTINGS_PAGE).build();
    }


    @POST
    @Path("out")
    public Response signOut(@Context HttpServletRequest request) throws ServletException {
        request.logout();
        var session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return Response.noContent().build();
    }
}
