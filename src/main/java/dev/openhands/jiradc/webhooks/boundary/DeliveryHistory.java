package dev.openhands.jiradc.webhooks.boundary;

import dev.openhands.jiradc.webhooks.control.DeliveryLog;
import dev.openhands.jiradc.webhooks.control.Refusals;
import dev.openhands.jiradc.webhooks.entity.Delivery;
import dev.openhands.jiradc.webhooks.entity.RefusalCount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * What other components may know of deliveries: the recent ones with their outcome, and the refusals on this instance.
 */
@ApplicationScoped
public class DeliveryHistory {

    @Inject
    DeliveryLog log;

    @Inject
    Refusals refusals;

    public List<Delivery> recent(int limit) {
        return log.recent(limit);
    }

    public List<RefusalCount> refusedOnThisInstance() {
        return refusals.byReason();
    }
}
