package dev.openhands.jiradc.jira.control;

import dev.openhands.jiradc.settings.entity.SettingsKeys;
import java.util.Optional;

/**
 * What readiness says of the Jira this service is configured against, when it may be the development simulator of
 * {@code ./mvnw -Prun}, which plays Jira and OpenHands with made-up answers on loopback: shown in dev mode, refused
 * outside it, so that a service wired to the simulator is never silently ready in production.
 *
 * @param ready whether readiness may be UP
 * @param said what the check says, under the key {@code jira-dc.base-url}
 */
public record SimulatorUse(boolean ready, String said) {

    /**
     * @param simulator whether the server at the base URL said it is the simulator; empty when it has not answered yet
     */
    public static SimulatorUse of(boolean integrationEnabled, boolean devMode, Optional<Boolean> simulator) {
        if (!integrationEnabled) {
            return new SimulatorUse(true, "integration disabled");
        }
        if (simulator.isEmpty()) {
            return new SimulatorUse(true, "not known yet: Jira has not answered");
        }
        if (!simulator.get()) {
            return new SimulatorUse(true, "Jira Data Center, not the simulator");
        }
        if (devMode) {
            return new SimulatorUse(true, "the development simulator (allowed: " + SettingsKeys.DEV_MODE + "=true)");
        }
        return new SimulatorUse(false,
                "is the development simulator, which plays Jira and OpenHands with made-up answers:"
                        + " set " + SettingsKeys.BASE_URL + " (and " + SettingsKeys.API_URL
                        + ") to your Jira Data Center and OpenHands,"
                        + " or " + SettingsKeys.DEV_MODE + "=true for a local demo only, and redeploy.");
    }
}
