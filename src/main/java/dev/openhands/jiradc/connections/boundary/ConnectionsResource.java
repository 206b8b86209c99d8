package dev.openhands.jiradc.connections.boundary;

import dev.openhands.jiradc.accounts.boundary.AdminOnly;
import dev.openhands.jiradc.connections.control.WebhookRegistration;
import dev.openhands.jiradc.connections.control.WebhookRegistration.MissingAdminPat;
import dev.openhands.jiradc.connections.control.WebhookRegistration.WithSecret;
import dev.openhands.jiradc.connections.entity.Connection;
import dev.openhands.jiradc.settings.entity.IntegrationSettings;
import dev.openhands.jiradc.settings.entity.Secret;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Admins register this service with Jira here: automatic setup with a one-time admin PAT (used for the Jira calls of
 * this one request, never stored, logged or returned), or manual setup. Jira refusing the PAT is a 400 in words the
 * admin can act on ({@link WebhookRegistration}); Jira failing otherwise is a 502, and Jira 9.x a 409 (the mappers in
 * {@code jira.boundary}).
 */
@Path("api/integrations/jira-dc/connections")
@Produces(MediaType.APPLICATION_JSON)
@AdminOnly
public class ConnectionsResource {

    /** What the admin pastes for the calls to Jira's webhook API. */
    public record AdminPat(String adminPat) {

        static Optional<Secret> of(AdminPat body) {
            return Optional.ofNullable(body).map(AdminPat::adminPat).map(String::trim).filter(pat -> !pat.isEmpty())
                    .map(Secret::of);
        }
    }

    @Inject
    WebhookRegistration registration;

    @Inject
    IntegrationSettings settings;

    private final Clock clock = Clock.systemUTC();

    @GET
    public List<ConnectionJson> list() {
        return registration.all().stream().map(this::json).toList();
    }

    @GET
    @Path("{id}")
    public ConnectionJson get(@PathParam("id") String id) {
        return json(registration.find(id));
    }

    /** "Install automatically". */
    @POST
    @Path("automatic")
    public ConnectionJson installAutomatically(AdminPat body) {
        Secret pat = AdminPat.of(body).orElseThrow(() -> new MissingAdminPat("install the webhook"));
        WebhookRegistration.Installed installed = registration.installAutomatically(pat);
        return json(installed.connection()).installedAs(installed);
    }

    /** "Generate webhook details": an inactive connection, with the URL, secret and events to enter in Jira. */
    @POST
    @Path("manual")
    public Response generateManual() {
        return Response.status(Response.Status.CREATED).entity(manualDetails(registration.generateManual())).build();
    }

    /** The manual details again. */
    @GET
    @Path("{id}/manual-details")
    public ConnectionJson showManualDetails(@PathParam("id") String id) {
        return manualDetails(registration.manualDetails(id));
    }

    /** "I created the webhook". */
    @POST
    @Path("{id}/activate")
    public ConnectionJson activate(@PathParam("id") String id) {
        return json(registration.activate(id));
    }

    @POST
    @Path("{id}/rotate-secret")
    public ConnectionJson rotateSecret(@PathParam("id") String id, AdminPat body) {
        WithSecret rotated = registration.rotateSecret(id, AdminPat.of(body));
        return rotated.connection().setup() == Connection.Setup.MANUAL ? manualDetails(rotated)
                : json(rotated.connection());
    }

    @POST
    @Path("{id}/uninstall")
    public ConnectionJson uninstall(@PathParam("id") String id, AdminPat body) {
        Secret pat = AdminPat.of(body).orElseThrow(() -> new MissingAdminPat("delete the webhook in Jira"));
        return json(registration.uninstall(id, pat));
    }

    private ConnectionJson manualDetails(WithSecret created) {
        return json(created.connection()).withManualDetails(created.secret());
    }

    private ConnectionJson json(Connection connection) {
        return ConnectionJson.of(connection, settings.appUrl().orElseThrow(), clock.instant());
    }
}
