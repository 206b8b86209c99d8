package dev.openhands.jiradc.settings.boundary;

import dev.openhands.jiradc.settings.entity.IntegrationSettings;
import dev.openhands.jiradc.settings.entity.SettingsKeys;
import dev.openhands.jiradc.settings.entity.SettingsProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when every Admin Console value is valid; otherwise lists each problem under its key. */
@Readiness
@ApplicationScoped
public class SettingsReadiness implements HealthCheck {

    @Inject
    IntegrationSettings settings;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("settings")
                .status(!settings.misconfigured())
                .withData(SettingsKeys.ENABLED, settings.enabled())
                .withData(SettingsKeys.LINKING_METHOD, settings.linkingMethod().configValue());
        for (SettingsProblem problem : settings.problems()) {
            response.withData(problem.key(), problem.message());
        }
        return response.build();
    }
}
