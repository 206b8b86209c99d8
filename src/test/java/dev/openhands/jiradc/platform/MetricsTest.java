package dev.openhands.jiradc.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
                openhands_jira_jobs{status="FINISHED"} 3.0
                openhands_jira_jobs{status="STARTED"} 1.0
                """,
                new Metrics().render(Metrics.gauge("openhands_jira_jobs", "Jobs in the database, by status", "status",
                        new TreeMap<>(Map.of("STARTED", 1L, "FINISHED", 3L)))));
    }

    @Test
    void deliveriesAndCallsAreCountedByKindAndService() {
        Metrics metrics = new Metrics();
        metrics.delivered("trigger: comment");
        metrics.delivered("Trigger: label");
        metrics.calling("jira");
        metrics.called("jira", 503, 200_000_000L);
        metrics.calling("openhands");
        metrics.called("openhands", 200, 3_000_000_000L);
        String text = metrics.render();
        assertTrue(text.contains("""
                # TYPE openhands_jira_deliveries_total counter
                openhands_jira_deliveries_total{outcome="trigger"} 2.0
                """), text);
        assertTrue(text.contains("openhands_jira_outbound_calls_started_total{service=\"jira\"} 1.0\n"), text);
        assertTrue(text.contains("""
                # TYPE openhands_jira_outbound_call_seconds histogram
                openhands_jira_outbound_call_seconds_bucket{service="jira",le="0.05"} 0
                openhands_jira_outbound_call_seconds_bucket{service="jira",le="0.1"} 0
                openhands_jira_outbound_call_seconds_bucket{service="jira",le="0.25"} 1
                """), text);
        assertTrue(text.contains("""
                openhands_jira_outbound_call_seconds_bucket{service="openhands",le="2.5"} 0
                openhands_jira_outbound_call_seconds_bucket{service="openhands",le="5.0"} 1
                """), text);
        assertTrue(text.contains("openhands_jira_outbound_call_seconds_count{service=\"jira\"} 1\n"), text);
        assertTrue(text.contains("openhands_jira_outbound_call_seconds_sum{service=\"openhands\"} 3.0\n"), text);
        assertTrue(text.contains("openhands_jira_outbound_call_errors_total{service=\"jira\",status=\"503\"} 1.0\n"),
                text);
        assertFalse(text.contains("service=\"openhands\",status"), "a 200 is no error");
    }

    /** The hand-written text format wrote label values as they came: a quote or a line break broke the scrape. */
    @Test
    void labelValuesAreEscaped() {
        Metrics metrics = new Metrics();
        metrics.delivered("a \"quoted\" \\ kind\nover two lines: and its detail");
        assertTrue(metrics.render().contains(
                "openhands_jira_deliveries_total{outcome=\"a \\\"quoted\\\" \\\\ kind\\nover two lines\"} 1.0\n"),
                metrics.render());
    }

    @Test
    void aMetricWithNothingCountedYetIsLeftOut() {
        assertEquals("", new Metrics().render());
    }
}
