package dev.openhands.jiradc.webhooks.boundary;

import static dev.openhands.jiradc.platform.Jsons.JSON;

import dev.openhands.jiradc.platform.Metrics;
import dev.openhands.jiradc.settings.entity.IntegrationSettings;
import dev.openhands.jiradc.webhooks.control.DeliveryReceiver;
import dev.openhands.jiradc.webhooks.control.Signatures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;

/**
 * Where Jira Data Center delivers events: reads the raw body once, within the size limit, and hands it on.
 * The hot path, so one instance serves every delivery (not one built and injected per request) and the
 * answer is written as text, without a JSON writer.
 */
@ApplicationScoped
@Path("integration/jira-dc/connections/{connectionId}/events")
public class EventsResource {

    private static final int DRAIN_FACTOR = 4;

    @Inject
    DeliveryReceiver receiver;

    @Inject
    IntegrationSettings settings;

    @Inject
    Metrics metrics;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public String receive(@PathParam("connectionId") String connectionId,
            @HeaderParam(Signatures.HEADER) String signature, @HeaderParam("Content-Length") Long length,
            InputStream body) throws IOException {
        DeliveryReceiver.Admission admitted = receiver.admit(connectionId, signature);
        int limit = settings.maxWebhookBodyBytes();
        byte[] raw = length != null && length > limit ? new byte[0] : body.readNBytes(limit + 1);
        if (raw.length > limit || raw.length == 0 && length != null && length > limit) {
            metrics.delivered("too large");
            throw tooLarge(body, limit);
        }
        return JSON.createObjectBuilder().add("outcome", receiver.receive(admitted, raw)).build().toString();
    }

    /**
     * Reads and drops a little more of the body first, so that a sender slightly over the limit
     * receives the 413 instead of a broken connection; a much larger body is cut off.
     */
    private static ClientErrorException tooLarge(InputStream body, int limit) throws IOException {
        byte[] sink = new byte[8192];
        long left = DRAIN_FACTOR * (long) limit;
        for (int read = 0; read != -1 && left > 0; left -= read) {
            read = body.read(sink, 0, (int) Math.min(sink.length, left));
        }
        return new ClientErrorException("The body is larger than " + limit + " bytes (jira-dc.webhook.max-body-bytes).",
                Response.Status.REQUEST_ENTITY_TOO_LARGE);
    }
}
