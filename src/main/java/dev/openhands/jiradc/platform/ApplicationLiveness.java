package dev.openhands.jiradc.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Alive once the application has finished starting; restarts are the app server's to decide. */
@Liveness
@ApplicationScoped
public class ApplicationLiveness implements HealthCheck {

    private volatile Instant startedAt;

    void started(@Observes Startup startup) {
        startedAt = Instant.now();
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("application");
        return startedAt == null ? response.down().withData("state", "starting").build()
                : response.up().withData("startedAt", startedAt.toString()).build();
    }
}
