package dev.openhands.jiradc.webhooks.boundary;

import dev.openhands.jiradc.settings.entity.IntegrationSettings;
import dev.openhands.jiradc.settings.entity.SettingsKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while Jira refuses the service account's PAT: no issue can be read or commented on. */
@Readiness
@ApplicationScoped
public class ServiceAccountReadiness implements HealthCheck {

    @Inject
    ServiceAccountIdentity identity;

    @Inject
    IntegrationSettings settings;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("jira-service-account");
        if (!settings.enabled()) {
            return response.up().withData("state", "integration disabled").build();
        }
        if (identity.refusal().isPresent()) {
            return response.down().withData(SettingsKeys.SERVICE_ACCOUNT_PAT, identity.refusal().get()
                    + " Create a new personal access token for the service account and redeploy.").build();
        }
        var account = identity.current();
        return response.up()
                .withData("name", account == null ? "not known yet" : account.name().orElse("not known yet")).build();
    }
}
