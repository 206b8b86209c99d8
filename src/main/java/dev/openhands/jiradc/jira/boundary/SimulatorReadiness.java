package dev.openhands.jiradc.jira.boundary;

import dev.openhands.jiradc.jira.control.SimulatorUse;
import dev.openhands.jiradc.settings.entity.IntegrationSettings;
import dev.openhands.jiradc.settings.entity.SettingsKeys;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready against the development simulator outside dev mode ({@link SimulatorUse}). Jira is asked in the background
 * at start ({@code /rest/api/2/serverInfo}, which the simulator marks), again every few seconds until it answers, then
 * never again in this deployment; so a readiness probe never waits for Jira, and until Jira answers the check does not
 * hold readiness back.
 */
@Readiness
@ApplicationScoped
public class SimulatorReadiness implements HealthCheck {

    private static final int RETRY_SECONDS = 10;

    @Inject
    Jira jira;

    @Inject
    IntegrationSettings settings;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private volatile Optional<Boolean> simulator = Optional.empty();
    private volatile ScheduledFuture<?> next;

    void askAtStartup(@Observes Startup startup) {
        if (settings.enabled() && !settings.misconfigured()) {
            next = scheduler.schedule(this::ask, 0, TimeUnit.SECONDS);
        }
    }

    void ask() {
        simulator = jira.isSimulator();
        if (simulator.isEmpty()) {
            next = scheduler.schedule(this::ask, RETRY_SECONDS, TimeUnit.SECONDS);
        }
    }

    @PreDestroy
    void stop() {
        ScheduledFuture<?> pending = next;
        if (pending != null) {
            pending.cancel(false);
        }
    }

    /** The simulated issue's page, when this is the dev-mode demo against the simulator. */
    Optional<String> demoPage() {
        boolean demo = settings.devMode() && simulator.orElse(false);
        return settings.jiraBaseUrl().filter(url -> demo).map(url -> url + "/simulator");
    }

    @Override
    public HealthCheckResponse call() {
        SimulatorUse use = SimulatorUse.of(settings.enabled(), settings.devMode(), simulator);
        return HealthCheckResponse.named("simulator").status(use.ready()).withData(SettingsKeys.BASE_URL, use.said())
                .build();
    }
}
