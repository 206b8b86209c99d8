package dev.openhands.jiradc.jira.control;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SimulatorUseTest {

    @Test
    void theSimulatorOutsideDevModeHoldsReadinessBackAndSaysWhatToSet() {
        SimulatorUse use = SimulatorUse.of(true, false, Optional.of(true));
        assertFalse(use.ready());
        assertTrue(use.said().contains("development simulator"), use.said());
        assertTrue(use.said().contains("jira-dc.base-url") && use.said().contains("service.dev-mode=true"), use.said());
    }

    @Test
    void theSimulatorInDevModeIsReadyAndNamed() {
        SimulatorUse use = SimulatorUse.of(true, true, Optional.of(true));
        assertTrue(use.ready());
        assertTrue(use.said().startsWith("the development simulator"), use.said());
    }

    @Test
    void aRealJiraOrOneNotHeardFromYetOrNoIntegrationIsNoReasonToWait() {
        assertTrue(SimulatorUse.of(true, false, Optional.of(false)).ready());
        assertTrue(SimulatorUse.of(true, false, Optional.empty()).ready());
        assertTrue(SimulatorUse.of(false, false, Optional.of(true)).ready());
        assertEquals("Jira Data Center, not the simulator", SimulatorUse.of(true, false, Optional.of(false)).said());
    }
}
