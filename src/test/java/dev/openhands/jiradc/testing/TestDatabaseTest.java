package dev.openhands.jiradc.testing;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TestDatabaseTest {

    static final Instant SIX_HOURS_AGO = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void aSchemaOfARunThatStartedEarlierIsStale() {
        assertTrue(TestDatabase.startedBefore("it_20261202095959_3d3fa42b2cad", SIX_HOURS_AGO));
    }

    @Test
    void aSchemaOfARunStillGoingOnOnThisMachineIsNot() {
        assertFalse(TestDatabase.startedBefore("it_20261202155241_3d3fa42b2cad", SIX_HOURS_AGO));
    }

    @Test
    void aSchemaNamedWithoutItsRunsStartIsStale() {
        assertTrue(TestDatabase.startedBefore("it__3d3fa42b2cad", SIX_HOURS_AGO));
        assertTrue(TestDatabase.startedBefore("it_20261399999999_3d3fa42b2cad", SIX_HOURS_AGO));
    }
}
