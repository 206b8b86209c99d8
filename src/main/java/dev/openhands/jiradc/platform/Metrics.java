package dev.openhands.jiradc.platform;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What this instance counts: deliveries by outcome and outbound calls by service, kept and written in the Prometheus
 * text format by the Prometheus Java client library (its metrics core and text format, nothing else of it). Served by
 * the WAR itself ({@code /ops/metrics}, with the stored counts the ops component asks each component for) because no
 * metrics API is common to Payara 6, Open Liberty and WildFly (WildFly dropped MicroProfile Metrics, Payara 6 has no
 * MicroProfile Telemetry metrics). Exemplars are off: nothing here traces, and looking for a span on every delivery
 * would cost the webhook path for nothing.
 */
@ApplicationScoped
public class Metrics {

    /** The text format's content type, version 0.0.4. */
    public static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;

    /** Upper bounds, in seconds, of the call latency histogram's buckets. */
    static final double[] BUCKETS = {0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30};

    private static final PrometheusTextFormatWriter TEXT = PrometheusTextFormatWriter.create();

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter deliveries = Counter.builder().name("openhands_jira_deliveries_total")
            .help("Webhook deliveries received by this instance, by outcome").labelNames("outcome").withoutExemplars()
            .register(registry);
    private final Counter callsStarted = Counter.builder().name("openhands_jira_outbound_calls_started_total")
            .help("Calls from this instance to Jira and OpenHands; minus the histogram's count: calls without an"
                    + " answer")
            .labelNames("service").withoutExemplars().register(registry);
    private final Histogram calls = Histogram.builder().name("openhands_jira_outbound_call_seconds")
            .help("Answered calls from this instance to Jira and OpenHands").labelNames("service").classicOnly()
            .classicUpperBounds(BUCKETS).withoutExemplars().register(registry);
    private final Counter callErrors = Counter.builder().name("openhands_jira_outbound_call_errors_total")
            .help("Calls answered with an error (5xx, 429, 401, 403), by status").labelNames("service", "status")
            .withoutExemplars().register(registry);

    /**
     * A delivery and what became of it: the outcome's kind ({@code trigger}, {@code no trigger}, {@code refused}, ...).
     */
    public void delivered(String outcome) {
        int colon = outcome.indexOf(':');
        String kind = (colon < 0 ? outcome : outcome.substring(0, colon)).trim().toLowerCase(Locale.ROOT);
        deliveries.labelValues(kind).inc();
    }

    /**
     * A call to Jira or OpenHands is sent; one that never gets an answer (unreachable, timed out) is counted only here.
     */
    public void calling(String service) {
        callsStarted.labelValues(service).inc();
    }

    /** A call to Jira or OpenHands got an answer; a 5xx, 429, 401 or 403 answer also counts as an error. */
    public void called(String service, int status, long nanos) {
        calls.labelValues(service).observe(Unit.nanosToSeconds(nanos));
        if (status >= 500 || status == 429 || status == 401 || status == 403) {
            callErrors.labelValues(service, Integer.toString(status)).inc();
        }
    }

    /**
     * This instance's metrics and the {@code stored} ones, in the text format (a metric without values is left out).
     */
    public String render(MetricSnapshot... stored) {
        MetricSnapshots.Builder all = MetricSnapshots.builder();
        registry.scrape().forEach(all::metricSnapshot);
        List.of(stored).forEach(all::metricSnapshot);
        ByteArrayOutputStream text = new ByteArrayOutputStream(4096);
        try {
            TEXT.write(text, all.build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString(StandardCharsets.UTF_8);
    }

    /** A gauge with one label: a value for each key of the map. */
    public static GaugeSnapshot gauge(String name, String help, String label, Map<?, Long> values) {
        GaugeSnapshot.Builder gauge = GaugeSnapshot.builder().name(name).help(help);
        values.forEach((key, value) -> gauge.dataPoint(GaugeDataPointSnapshot.builder()
                .labels(Labels.of(label, String.valueOf(key))).value(value).build()));
        return gauge.build();
    }
}
