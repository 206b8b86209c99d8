package dev.openhands.jiradc.jira.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.health.Readiness;

/**
 * Where the settings page sends a newcomer in the {@code ./mvnw -Prun} demo: the simulated Jira issue. It exists only
 * in dev mode against the development simulator; anywhere else it is 404, so a real installation shows nothing of it.
 */
@Path("api/integrations/jira-dc/simulator")
@Produces(MediaType.APPLICATION_JSON)
public class SimulatorResource {

    /** @param page the simulated issue, where the demo's setup steps and comments are */
    public record SimulatorPage(String page) {
    }

    @Inject
    @Readiness
    SimulatorReadiness simulator;

    @GET
    public SimulatorPage get() {
        return simulator.demoPage().map(SimulatorPage::new)
                .orElseThrow(() -> new NotFoundException("This service does not run against the simulator."));
    }
}
