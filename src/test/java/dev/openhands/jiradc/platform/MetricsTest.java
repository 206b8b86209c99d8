package dev.openhands.jiradc.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** What Prometheus reads: this instance's counters, and the gauges the ops component adds to them. */
class MetricsTest {

    @Test
    void aGaugeIsOneLinePerValueUnderItsHelpAndType() {
        assertEquals("""
                # HELP openhands_jira_jobs Jobs in the database, by status
                # TYPE openhands_jira_jobs gauge
                openhands_jira_jobs{status="FINISHED"} 3
                openhands_jira_jobs{status="STARTED"} 1
                """, Metrics.gauge("openhands_jira_jobs", "Jobs in the database, by status", "status",
                new TreeMap<>(Map.of("STARTED", 1L, "FINISHED", 3L))));
    }

    @Test
    void deliveriesAndCallsAreCountedByKindAndService() {
        Metrics metrics = new Metrics();
        metrics.delivered("trigger: comment");
        metrics.delivered("Trigger: label");
        metrics.calling("jira");
        metrics.called("jira", 503, 200_000_000L);
        String text = metrics.render();
        assertTrue(text.contains("openhands_jira_deliveries_total{outcome=\"trigger\"} 2\n"), text);
        assertTrue(text.contains("openhands_jira_outbound_calls_started_total{service=\"jira\"} 1\n"), text);
        assertTrue(text.contains("openhands_jira_outbound_call_seconds_bucket{service=\"jira\",le=\"0.25\"} 1\n"), text);
        assertTrue(text.contains("openhands_jira_outbound_call_errors_total{service=\"jira\",status=\"503\"} 1\n"), text);
    }
}
