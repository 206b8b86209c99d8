package dev.openhands.jiradc.webhooks.boundary;

import dev.openhands.jiradc.jira.entity.WebhookEvent;
import dev.openhands.jiradc.webhooks.entity.Decision;

/**
 * What a Jira event means for this service, asked by the receiver for each signed delivery it has read. Deciding is
 * the triggers component's (it implements this), so that deciding what is a trigger and acting on it sit together;
 * webhooks declares the question, as it declares {@link InboxHandler}, so the imports still run from triggers to
 * webhooks and never back.
 *
 * <p>On the hot path: called once per delivery with the event already parsed, it must parse nothing and call out to
 * nothing.
 */
public interface EventRules {

    Decision decide(WebhookEvent event);
}
