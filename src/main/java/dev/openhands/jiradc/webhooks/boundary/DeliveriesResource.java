package dev.openhands.jiradc.webhooks.boundary;

import static dev.openhands.jiradc.platform.Jsons.JSON;

import dev.openhands.jiradc.accounts.boundary.SignedInUser;
import dev.openhands.jiradc.webhooks.control.DeliveryLog;
import dev.openhands.jiradc.webhooks.control.Refusals;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** For admins: the recent deliveries and what became of each, and the refusals on this instance. */
@Path("api/integrations/jira-dc/deliveries")
@Produces(MediaType.APPLICATION_JSON)
public class DeliveriesResource {

    private static final int MAX = 500;

    @Inject
    SignedInUser user;

    @Inject
    DeliveryLog log;

    @Inject
    Refusals refusals;

    @GET
    public JsonObject recent(@QueryParam("limit") @DefaultValue("50") int limit) {
        user.admin();
        JsonArrayBuilder deliveries = JSON.createArrayBuilder();
        log.recent(Math.max(1, Math.min(limit, MAX))).forEach(delivery -> {
            JsonObjectBuilder json = JSON.createObjectBuilder()
                    .add("receivedAt", delivery.receivedAt().toString())
                    .add("connection", delivery.connectionId())
                    .add("outcome", delivery.outcome());
            delivery.webhookEvent().ifPresent(event -> json.add("event", event));
            delivery.issueKey().ifPresent(key -> json.add("issueKey", key));
            delivery.actor().ifPresent(actor -> json.add("actor", actor));
            delivery.result().ifPresent(result -> json.add("result", result));
            deliveries.add(json);
        });
        JsonObjectBuilder refused = JSON.createObjectBuilder();
        refusals.counts().forEach(refused::add);
        return JSON.createObjectBuilder().add("deliveries", deliveries).add("refusedOnThisInstance", refused).build();
    }
}
