package dev.openhands.jiradc.bench;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The least a webhook receiver must do, for the benchmark to compare the service with: read the raw
 * body, check its signature ({@link BaselineSignature}), answer 200. Deployed by the benchmark only, in
 * its own small WAR beside the service on the same Payara Micro.
 */
@Path("connections/{connectionId}/events")
public class BaselineReceiver {

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response receive(@HeaderParam("X-Hub-Signature") String signature, byte[] body) {
        if (!BaselineSignature.signs(signature, body)) {
            return Response.status(Response.Status.FORBIDDEN).entity(BaselineSignature.REFUSED).build();
        }
        return Response.ok("{\"outcome\":\"accepted\"}").build();
    }
}
