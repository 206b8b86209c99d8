package dev.openhands.jiradc.ops.boundary;

import dev.openhands.jiradc.accounts.boundary.AdminOnly;
import dev.openhands.jiradc.ops.control.Diagnostics;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** For admins: the troubleshooting panel's checks, each ok, problem or unknown, with the fix. */
@Path("api/integrations/jira-dc/diagnostics")
@Produces(MediaType.APPLICATION_JSON)
@AdminOnly
public class DiagnosticsResource {

    @Inject
    Diagnostics diagnostics;

    @GET
    public DiagnosticsJson run() {
        return DiagnosticsJson.of(diagnostics.run());
    }
}
