package dev.openhands.jiradc.connections.boundary;

import static dev.openhands.jiradc.platform.Jsons.JSON;

import dev.openhands.jiradc.accounts.boundary.SignedInUser;
import dev.openhands.jiradc.connections.control.WebhookRegistration;
import dev.openhands.jiradc.connections.control.WebhookRegistration.MissingAdminPat;
import dev.openhands.jiradc.connections.control.WebhookRegistration.WithSecret;
import dev.openhands.jiradc.connections.entity.Connection;
import dev.openhands.jiradc.jira.entity.Jira9Detected;
import dev.openhands.jiradc.jira.entity.JiraCallFailed;
import dev.openhands.jiradc.settings.entity.IntegrationSettings;
import dev.openhands.jiradc.settings.entity.Secret;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.ServerErrorException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Admins register this service with Jira here: automatic setup with a one-time admin PAT (used for
 * the Jira calls of this one request, never stored, logged or returned), or manual setup.
 */
@Path("api/integrations/jira-dc/connections")
@Produces(MediaType.APPLICATION_JSON)
public class ConnectionsResource {

    @Inject
    SignedInUser user;

    @Inject
    WebhookRegistration registration;

    @Inject
    IntegrationSettings settings;

    private final Clock clock = Clock.systemUTC();

    @GET
    public JsonArray list() {
        user.admin();
        JsonArrayBuilder all = JSON.createArrayBuilder();
        registration.all().forEach(connection -> all.add(describe(connection)));
        return all.build();
    }

    @GET
    @Path("{id}")
    public JsonObject get(@PathParam("id") String id) {
        user.admin();
        return describe(registration.find(id)).build();
    }

    /** "Install automatically". */
    @POST
    @Path("automatic")
    public JsonObject installAutomatically(JsonObject body) {
        user.admin();
        Secret pat = adminPat(body).orElseThrow(() -> new MissingAdminPat("install the webhook"));
        WebhookRegistration.Installed installed = withJira(() -> registration.installAutomatically(pat));
        JsonObjectBuilder json = describe(installed.connection()).add("jiraWebhookName", installed.webhookName());
        if (installed.renamed()) {
            json.add("notice", "Another Jira webhook is already named '" + Connection.WEBHOOK_NAME + "'; it was left as it is,"
                    + " and this service's webhook was created as '" + installed.webhookName() + "'. In Jira (Administration >"
                    + " System > WebHooks), check whether the other one is still needed.");
        }
        return json.build();
    }

    /** "Generate webhook details": an inactive connection, with the URL, secret and events to enter in Jira. */
    @POST
    @Path("manual")
    public Response generateManual() {
        user.admin();
        return Response.status(Response.Status.CREATED).entity(manualDetails(registration.generateManual())).build();
    }

    /** The manual details again. */
    @GET
    @Path("{id}/manual-details")
    public JsonObject showManualDetails(@PathParam("id") String id) {
        user.admin();
        Connection connection = registration.find(id);
        return manualDetails(new WithSecret(connection, registration.secretOf(connection)));
    }

    /** "I created the webhook". */
    @POST
    @Path("{id}/activate")
    public JsonObject activate(@PathParam("id") String id) {
        user.admin();
        return describe(registration.activate(id)).build();
    }

    @POST
    @Path("{id}/rotate-secret")
    public JsonObject rotateSecret(@PathParam("id") String id, JsonObject body) {
        user.admin();
        WithSecret rotated = withJira(() -> registration.rotateSecret(id, adminPat(body)));
        return rotated.connection().setup() == Connection.Setup.MANUAL ? manualDetails(rotated)
                : describe(rotated.connection()).build();
    }

    @POST
    @Path("{id}/uninstall")
    public JsonObject uninstall(@PathParam("id") String id, JsonObject body) {
        user.admin();
        Secret pat = adminPat(body).orElseThrow(() -> new MissingAdminPat("delete the webhook in Jira"));
        return describe(withJira(() -> registration.uninstall(id, pat))).build();
    }

    private JsonObject manualDetails(WithSecret created) {
        return describe(created.connection())
                .add("secret", created.secret())
                .add("events", JSON.createArrayBuilder(Connection.EVENTS))
                .add("instructions", "In Jira, open Administration > System > WebHooks, create a webhook with this URL,"
                        + " this secret and these events, with the request body included; then click 'I created the webhook'.")
                .build();
    }

    private JsonObjectBuilder describe(Connection connection) {
        Instant now = clock.instant();
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("id", connection.id())
                .add("setup", connection.setup().code())
                .add("status", connection.status().code())
                .add("eventsUrl", connection.eventsUrl(settings.appUrl().orElseThrow()))
                .add("createdAt", connection.createdAt().toString());
        connection.activatedAt().ifPresent(at -> json.add("activatedAt", at.toString()));
        connection.lastDeliveryAt().ifPresent(at -> json.add("lastDeliveryAt", at.toString()));
        connection.secretRotatedAt().ifPresent(at -> json.add("secretRotatedAt", at.toString()));
        connection.previousSecretValidUntil(now).ifPresent(at -> json.add("previousSecretValidUntil", at.toString()));
        connection.jiraWebhookId().ifPresent(webhookId -> json.add("jiraWebhookId", webhookId));
        return json;
    }

    private static Optional<Secret> adminPat(JsonObject body) {
        return Optional.ofNullable(body).map(json -> json.getString("adminPat", "").trim()).filter(pat -> !pat.isEmpty())
                .map(Secret::of);
    }

    /** Jira's answers to the admin PAT, in words the admin can act on. */
    private static <T> T withJira(Supplier<T> call) {
        try {
            return call.get();
        } catch (Jira9Detected e) {
            throw new ClientErrorException(e.getMessage(), Response.Status.CONFLICT);
        } catch (JiraCallFailed e) {
            throw switch (e.kind()) {
                case REFUSED -> switch (e.status()) {
                    case 401 -> new BadRequestException("Jira did not accept this PAT (401): it is wrong, expired or revoked."
                            + " Create a new one in Jira under Profile > Personal Access Tokens and try again.");
                    case 403 -> new BadRequestException("This PAT's Jira user may not manage global webhooks (403). Use a"
                            + " short-lived PAT of a Jira administrator who can create webhooks.");
                    default -> new BadRequestException(e.getMessage());
                };
                case UNREACHABLE, TLS, FAILED -> new ServerErrorException(e.getMessage(), Response.Status.BAD_GATEWAY);
            };
        }
    }
}
