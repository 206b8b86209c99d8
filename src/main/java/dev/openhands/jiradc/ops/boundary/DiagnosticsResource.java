package dev.openhands.jiradc.ops.boundary;

import static dev.openhands.jiradc.platform.Jsons.JSON;

import dev.openhands.jiradc.accounts.boundary.SignedInUser;
import dev.openhands.jiradc.ops.control.Diagnostics;
import dev.openhands.jiradc.ops.entity.Check;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** For admins: the troubleshooting panel's checks, each ok, problem or unknown, with the fix. */
@Path("api/integrations/jira-dc/diagnostics")
@Produces(MediaType.APPLICATION_JSON)
public class DiagnosticsResource {

    @Inject
    SignedInUser user;

    @Inject
    Diagnostics diagnostics;

    @GET
    public JsonObject run() {
        user.admin();
        Diagnostics.Report report = diagnostics.run();
        JsonArrayBuilder checks = JSON.createArrayBuilder();
        for (Check check : report.checks()) {
            JsonObjectBuilder json = JSON.createObjectBuilder()
                    .add("id", check.id())
                    .add("title", check.title())
                    .add("status", check.status().code())
                    .add("detail", check.detail());
            check.fix().ifPresent(fix -> json.add("fix", fix));
            check.value().ifPresent(value -> json.add("value", value));
            checks.add(json);
        }
        JsonArrayBuilder deliveries = JSON.createArrayBuilder();
        report.recentDeliveries().forEach(delivery -> {
            JsonObjectBuilder json = JSON.createObjectBuilder()
                    .add("receivedAt", delivery.receivedAt().toString())
                    .add("outcome", delivery.outcome());
            delivery.event().ifPresent(event -> json.add("event", event));
            delivery.issueKey().ifPresent(key -> json.add("issueKey", key));
            delivery.actor().ifPresent(actor -> json.add("actor", actor));
            delivery.result().ifPresent(result -> json.add("result", result));
            deliveries.add(json);
        });
        return JSON.createObjectBuilder().add("checks", checks).add("recentDeliveries", deliveries).build();
    }
}
