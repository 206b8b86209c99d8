package dev.openhands.jiradc.bench;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;

/**
 * The work a webhook receiver must do before it answers, done the most direct way, for the benchmark to compare the
 * service with: the signature ({@link BaselineSignature}), one JSON-P parse of the body, a delivery-log line written
 * later in batches as the service writes its own, and for a comment mentioning {@code @openhands} (a trigger) one
 * insert committed before the answer ({@link SameWorkStore}). No CDI interceptors, no JPA, no settings, no processing
 * of the trigger afterwards.
 */
@Path("same-work")
public class SameWorkReceiver {

    private static final JsonReaderFactory JSON = Json.createReaderFactory(Map.of());

    @Inject
    SameWorkStore store;

    @POST
    @Path("connections/{connectionId}/events")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response receive(@PathParam("connectionId") String connectionId,
            @HeaderParam("X-Hub-Signature") String signature,
            byte[] body) throws SQLException {
        if (!BaselineSignature.signs(signature, body)) {
            return Response.status(Response.Status.FORBIDDEN).entity(BaselineSignature.REFUSED).build();
        }
        Instant now = Instant.now();
        JsonObject event;
        try (JsonReader reader = JSON.createReader(new ByteArrayInputStream(body))) {
            event = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            return Response.status(Response.Status.BAD_REQUEST).entity("{\"error\":\"The body is not a JSON object.\"}")
                    .build();
        }
        String name = event.getString("webhookEvent", "");
        JsonObject issue = object(event, "issue");
        String issueKey = issue == null ? null : issue.getString("key", null);
        JsonObject comment = object(event, "comment");
        if (!name.equals("comment_created") || comment == null
                || !comment.getString("body", "").contains("@openhands")) {
            store.later(new SameWorkStore.Line(connectionId, now, name, issueKey, "ignored"));
            return Response.ok("{\"outcome\":\"ignored\"}").build();
        }
        boolean committed = store.commitTrigger(connectionId, name + ":" + comment.getString("id", ""), issueKey, now,
                body);
        String outcome = committed ? "trigger" : "duplicate";
        store.later(new SameWorkStore.Line(connectionId, now, name, issueKey, outcome));
        return Response.ok("{\"outcome\":\"" + outcome + "\"}").build();
    }

    /** How many triggers it committed and log lines it wrote, for the benchmark's report. */
    @GET
    @Path("counts")
    @Produces(MediaType.APPLICATION_JSON)
    public String counts() throws SQLException {
        long[] counts = store.counts();
        return "{\"triggers\":" + counts[0] + ",\"logLines\":" + counts[1] + "}";
    }

    private static JsonObject object(JsonObject parent, String member) {
        JsonValue value = parent.get(member);
        return value instanceof JsonObject object ? object : null;
    }
}
