package dev.openhands.jiradc.webhooks.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    void areVersion7UuidsOfTheCurrentMillisecond() {
        long before = System.currentTimeMillis();
        UUID id = UUID.fromString(TimeOrderedIds.next());
        long after = System.currentTimeMillis();

        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        long millis = id.getMostSignificantBits() >>> 16;
        assertTrue(millis >= before && millis <= after, millis + " is not between " + before + " and " + after);
    }

    @Test
    void sortAsTextInTheOrderTheyWereMade() throws InterruptedException {
        String earlier = TimeOrderedIds.next();
        Thread.sleep(2);
        String later = TimeOrderedIds.next();

        assertTrue(earlier.compareTo(later) < 0, earlier + " sorts after " + later);
    }

    @Test
    void doNotRepeatWithinAMillisecond() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(TimeOrderedIds.next());
        }
        assertEquals(100_000, ids.size());
    }
}
