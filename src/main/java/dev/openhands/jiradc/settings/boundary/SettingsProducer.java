package dev.openhands.jiradc.settings.boundary;

import dev.openhands.jiradc.platform.ProcessingContext;
import dev.openhands.jiradc.settings.control.SettingsValidator;
import dev.openhands.jiradc.settings.entity.IntegrationSettings;
import dev.openhands.jiradc.settings.entity.SettingsProblem;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Produces;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Reads the Admin Console values once, when the application starts, and offers them as one
 * immutable {@link IntegrationSettings}. A changed value takes effect on the next deployment.
 */
@ApplicationScoped
public class SettingsProducer {

    private static final Logger LOG = ProcessingContext.logger(SettingsProducer.class);

    private IntegrationSettings settings;

    @PostConstruct
    void load() {
        settings = configuredNow();
        if (settings.misconfigured()) {
            LOG.severe(() -> "Jira Data Center integration is misconfigured; fix these values and redeploy:");
            for (SettingsProblem problem : settings.problems()) {
                LOG.severe(problem::toString);
            }
        } else {
            LOG.info(() -> "Jira Data Center integration " + (settings.enabled() ? "enabled" : "disabled")
                    + ", linking by " + settings.linkingMethod().configValue()
                    + settings.jiraBaseUrl().map(url -> ", Jira at " + url).orElse(""));
        }
        if (settings.devMode()) {
            LOG.warning(
                    () -> "DEV MODE. Serving at " + settings.appUrl().map(Object::toString).orElse("this server's root")
                            + ": readiness at /health/ready, liveness at /health/live.");
        }
    }

    void validateAtStartup(@Observes Startup startup) {
        // observing Startup creates this bean, so the values are validated and logged at deployment
    }

    @Produces
    public IntegrationSettings settings() {
        return settings;
    }

    /**
     * The values MicroProfile Config gives now, validated: different from the deployed ones until the next deployment.
     */
    public IntegrationSettings configuredNow() {
        // the application's own configuration, also when a readiness check creates this bean before the application
        // has started: Payara may call it then on a thread where the injected Config is the server's, without the WAR's
        // microprofile-config.properties (and load() keeps what it reads for the life of the deployment)
        Config config = ConfigProvider.getConfig(SettingsProducer.class.getClassLoader());
        return SettingsValidator.validate(key -> config.getOptionalValue(key, String.class));
    }
}
