package dev.openhands.jiradc.webhooks.entity;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ids for the rows written on every delivery: UUIDs of version 7 (RFC 9562), the millisecond first. New rows
 * then go to the end of their primary-key index, where its pages are already in memory, instead of to a random
 * page of an index that grows by millions of rows a month. They name rows, they guard nothing, so their random
 * bits need not come from a secure generator.
 */
final class TimeOrderedIds {

    private TimeOrderedIds() {
    }

    static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long mostSignificant = System.currentTimeMillis() << 16 | 0x7000L | random.nextLong() & 0x0FFFL;
        long leastSignificant = random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
        return new UUID(mostSignificant, leastSignificant).toString();
    }
}
