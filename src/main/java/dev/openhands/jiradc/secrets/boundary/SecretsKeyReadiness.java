package dev.openhands.jiradc.secrets.boundary;

import dev.openhands.jiradc.secrets.control.KeyVerification;
import dev.openhands.jiradc.settings.entity.SettingsKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when secrets can be sealed and the configured key opens the secrets already stored. */
@Readiness
@ApplicationScoped
public class SecretsKeyReadiness implements HealthCheck {

    @Inject
    Secrets secrets;

    @Inject
    KeyVerification verification;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("secrets");
        if (!secrets.available()) {
            return response.down().withData(SettingsKeys.SECRETS_KEY, "not configured").build();
        }
        try {
            if (verification.keyMatchesDatabase()) {
                return response.up().build();
            }
            return response.down()
                    .withData(SettingsKeys.SECRETS_KEY, "does not open the secrets stored in this database:"
                            + " it is not the key they were sealed with. Restore the previous secrets.key.")
                    .build();
        } catch (Exception e) {
            // also an undeclared RollbackException at commit (WildFly), when the start-up check created the key check
            // first
            return response.down()
                    .withData("database", "cannot check the stored secrets: " + e.getClass().getSimpleName()).build();
        }
    }
}
