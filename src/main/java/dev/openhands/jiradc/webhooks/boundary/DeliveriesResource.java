package dev.openhands.jiradc.webhooks.boundary;

import dev.openhands.jiradc.accounts.boundary.AdminOnly;
import dev.openhands.jiradc.webhooks.control.DeliveryLog;
import dev.openhands.jiradc.webhooks.control.Refusals;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** For admins: the recent deliveries and what became of each, and the refusals on this instance. */
@Path("api/integrations/jira-dc/deliveries")
@Produces(MediaType.APPLICATION_JSON)
@AdminOnly
public class DeliveriesResource {

    private static final int MAX = 500;

    @Inject
    DeliveryLog log;

    @Inject
    Refusals refusals;

    @GET
    public DeliveriesJson recent(@QueryParam("limit") @DefaultValue("50") int limit) {
        var deliveries = log.recent(Math.max(1, Math.min(limit, MAX))).stream().map(DeliveriesJson.Line::of).toList();
        return new DeliveriesJson(deliveries, refusals.counts());
    }
}
