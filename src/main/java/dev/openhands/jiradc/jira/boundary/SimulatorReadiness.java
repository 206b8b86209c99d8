package dev.openhands.jiradc.jira.boundary;

import dev.openhands.jiradc.jira.control.SimulatorUse;
import dev.openhands.jiradc.settings.entity.IntegrationSettings;
import dev.openhands.jiradc.settings.entity.SettingsKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready against the development simulator outside dev mode ({@link SimulatorUse}). Jira is asked once per
 * deployment, when it first answers ({@code /rest/api/2/serverInfo}, which the simulator marks); until then the check
 * does not hold readiness back.
 */
@Readiness
@ApplicationScoped
public class SimulatorReadiness implements HealthCheck {

    @Inject
    Jira jira;

    @Inject
    IntegrationSettings settings;

    private volatile Optional<Boolean> simulator = Optional.empty();

    @Override
    public HealthCheckResponse call() {
        if (settings.enabled() && simulator.isEmpty()) {
            simulator = jira.isSimulator();
        }
        SimulatorUse use = SimulatorUse.of(settings.enabled(), settings.devMode(), simulator);
        return HealthCheckResponse.named("simulator").status(use.ready()).withData(SettingsKeys.BASE_URL, use.said()).build();
    }
}
