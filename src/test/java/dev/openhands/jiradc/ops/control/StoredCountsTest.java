package dev.openhands.jiradc.ops.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.openhands.jiradc.webhooks.entity.InboxItem;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoredCountsTest {

    /**
     * A status with no rows is 0, not missing: an alert on {@code openhands_jira_inbox{status="FAILED"} > 0} always has
     * a value.
     */
    @Test
    void everyStatusHasAValue() {
        assertEquals(Map.of("PENDING", 0L, "PROCESSING", 0L, "DONE", 7L, "FAILED", 0L),
                StoredCounts.everyStatus(InboxItem.Status.values(), Map.of("DONE", 7L)));
    }
}
