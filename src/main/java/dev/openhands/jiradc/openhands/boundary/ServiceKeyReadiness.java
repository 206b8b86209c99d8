package dev.openhands.jiradc.openhands.boundary;

import dev.openhands.jiradc.openhands.entity.ServiceKeyVerdict;
import dev.openhands.jiradc.settings.entity.IntegrationSettings;
import dev.openhands.jiradc.settings.entity.SettingsKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while OpenHands refuses the service key: no one's OpenHands API key can be had until it is fixed. */
@Readiness
@ApplicationScoped
public class ServiceKeyReadiness implements HealthCheck {

    @Inject
    IntegrationSettings settings;

    @Inject
    ServiceKeyStatus status;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("openhands-service-key");
        if (!settings.enabled() || !settings.managesApiKeys()) {
            return response.up().withData("state", "not used: each person pastes their own OpenHands API key").build();
        }
        Optional<ServiceKeyVerdict> verdict = status.latest();
        if (verdict.isEmpty()) {
            return response.up().withData("state", "not checked yet").build();
        }
        String said = verdict.get().detail() + verdict.get().fix().map(fix -> " " + fix).orElse("");
        return switch (verdict.get().state()) {
            case REFUSED -> response.down().withData(SettingsKeys.SERVICE_API_KEY, said).build();
            case UNANSWERED -> response.up().withData("state", "not proven: " + said).build();
            case ACCEPTED -> response.up().withData("state", said + " (" + verdict.get().at() + ")").build();
        };
    }
}
