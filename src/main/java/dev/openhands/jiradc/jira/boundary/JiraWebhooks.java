package dev.openhands.jiradc.jira.boundary;

import dev.openhands.jiradc.jira.control.JiraApi;
import dev.openhands.jiradc.jira.control.JiraResponses;
import dev.openhands.jiradc.jira.entity.Jira9Detected;
import dev.openhands.jiradc.jira.entity.JiraCallFailed;
import dev.openhands.jiradc.jira.entity.JiraWebhook;
import dev.openhands.jiradc.settings.entity.Secret;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Objects;

/**
 * Jira's global webhooks, managed with a Jira administrator's PAT that the caller passes in and
 * this class never keeps.
 */
@ApplicationScoped
public class JiraWebhooks {

    private static final String PATH = "/rest/jira-webhook/1.0/webhooks";

    @Inject
    Jira jira;

    /** @throws Jira9Detected when Jira has no 10.x webhook API */
    public List<JiraWebhook> list(Secret adminPat) {
        try {
            return JiraResponses.call(jira.base(), "list its webhooks", () -> api().webhooks(bearer(adminPat))).stream()
                    .filter(Objects::nonNull).toList();
        } catch (JiraCallFailed e) {
            if (e.status() == 404) {
                throw new Jira9Detected(jira9Message(adminPat));
            }
            throw e;
        }
    }

    public JiraWebhook create(Secret adminPat, JsonObject webhook) {
        return JiraResponses.call(jira.base(), "create the webhook",
                () -> api().createWebhook(bearer(adminPat), webhook));
    }

    public JiraWebhook update(Secret adminPat, String id, JsonObject webhook) {
        return JiraResponses.call(jira.base(), "update the webhook " + id,
                () -> api().updateWebhook(bearer(adminPat), id, webhook));
    }

    /** @return false when Jira has no such webhook (any more) */
    public boolean delete(Secret adminPat, String id) {
        try {
            JiraResponses.send(jira.base(), "delete the webhook " + id,
                    () -> api().deleteWebhook(bearer(adminPat), id));
            return true;
        } catch (JiraCallFailed e) {
            if (e.status() == 404) {
                return false;
            }
            throw e;
        }
    }

    private String jira9Message(Secret adminPat) {
        boolean legacyApi;
        try {
            legacyApi = JiraResponses.call(jira.base(), "list its webhooks",
                    () -> api().legacyWebhooks(bearer(adminPat))) != null;
        } catch (RuntimeException e) {
            legacyApi = false; // not found, or an answer that is not a list: no 9.x API to name
        }
        return "Jira at " + jira.base() + " answers 404 on " + PATH
                + (legacyApi ? " and has the Jira 9.x webhook API" : "")
                + ": it is Jira 9.x or older, which cannot sign webhook deliveries, so OpenHands cannot trust them."
                + " Upgrade Jira Data Center to 10.3 LTS or later, then install the webhook again.";
    }

    private static String bearer(Secret pat) {
        return "Bearer " + pat.reveal();
    }

    private JiraApi api() {
        return jira.api();
    }
}
