package dev.openhands.jiradc.triggers.boundary;

import dev.openhands.jiradc.jira.entity.WebhookEvent;
import dev.openhands.jiradc.settings.entity.IntegrationSettings;
import dev.openhands.jiradc.triggers.control.TriggerRules;
import dev.openhands.jiradc.webhooks.boundary.EventRules;
import dev.openhands.jiradc.webhooks.boundary.ServiceAccountIdentity;
import dev.openhands.jiradc.webhooks.entity.Decision;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Answers the receiver's question, what a delivery means, with {@link TriggerRules}: over the event it already parsed,
 * with the service account as last learned, so deciding costs what it did when the receiver held the rules.
 */
@ApplicationScoped
public class TriggerDecisions implements EventRules {

    @Inject
    IntegrationSettings settings;

    @Inject
    ServiceAccountIdentity serviceAccount;

    @Override
    public Decision decide(WebhookEvent event) {
        return new TriggerRules(settings.triggerLabel(), serviceAccount.current()).decide(event);
    }
}
