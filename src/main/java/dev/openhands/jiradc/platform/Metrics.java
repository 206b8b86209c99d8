package dev.openhands.jiradc.platform;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What this instance counts, in the Prometheus text format: deliveries by outcome and outbound calls by service.
 * Served by the WAR itself ({@code /ops/metrics}, with the stored counts the ops component asks each component for)
 * because no metrics API is common to Payara 6, Open Liberty and WildFly (WildFly dropped MicroProfile Metrics,
 * Payara 6 has no MicroProfile Telemetry metrics).
 */
@ApplicationScoped
public class Metrics {

    /** Upper bounds, in seconds, of the call latency histogram's buckets. */
    static final double[] BUCKETS = {0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30};

    private final Map<String, LongAdder> deliveries = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> callErrors = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> callsStarted = new ConcurrentHashMap<>();
    private final Map<String, CallLatency> calls = new ConcurrentHashMap<>();

    /** A delivery and what became of it: the outcome's kind ({@code trigger}, {@code no trigger}, {@code refused}, ...). */
    public void delivered(String outcome) {
        int colon = outcome.indexOf(':');
        String kind = (colon < 0 ? outcome : outcome.substring(0, colon)).trim().toLowerCase(Locale.ROOT);
        deliveries.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    /** A call to Jira or OpenHands is sent; one that never gets an answer (unreachable, timed out) is counted only here. */
    public void calling(String service) {
        callsStarted.computeIfAbsent(service, s -> new LongAdder()).increment();
    }

    /** A call to Jira or OpenHands got an answer; a 5xx, 429, 401 or 403 answer also counts as an error. */
    public void called(String service, int status, long nanos) {
        calls.computeIfAbsent(service, s -> new CallLatency()).record(nanos);
        if (status >= 500 || status == 429 || status == 401 || status == 403) {
            callErrors.computeIfAbsent(service + "\u0000" + status, k -> new LongAdder()).increment();
        }
    }

    public String render() {
        StringBuilder out = new StringBuilder();
        help(out, "openhands_jira_deliveries_total", "counter", "Webhook deliveries received by this instance, by outcome");
        new TreeMap<>(deliveries).forEach((kind, count) -> out.append("openhands_jira_deliveries_total{outcome=\"")
                .append(kind).append("\"} ").append(count.sum()).append('\n'));
        help(out, "openhands_jira_outbound_calls_started_total", "counter",
                "Calls from this instance to Jira and OpenHands; minus the histogram's count: calls without an answer");
        new TreeMap<>(callsStarted).forEach((service, count) -> out.append("openhands_jira_outbound_calls_started_total{service=\"")
                .append(service).append("\"} ").append(count.sum()).append('\n'));
        help(out, "openhands_jira_outbound_call_seconds", "histogram", "Answered calls from this instance to Jira and OpenHands");
        new TreeMap<>(calls).forEach((service, latency) -> latency.render(out, service));
        help(out, "openhands_jira_outbound_call_errors_total", "counter", "Calls answered with an error (5xx, 429, 401, 403), by status");
        new TreeMap<>(callErrors).forEach((key, count) -> {
            String[] parts = key.split("\u0000");
            out.append("openhands_jira_outbound_call_errors_total{service=\"").append(parts[0]).append("\",status=\"")
                    .append(parts[1]).append("\"} ").append(count.sum()).append('\n');
        });
        return out.toString();
    }

    /** A gauge with one label, in the same format: a line per value, in the map's order. */
    public static String gauge(String name, String help, String label, Map<?, Long> values) {
        StringBuilder out = new StringBuilder();
        help(out, name, "gauge", help);
        values.forEach((key, value) -> out.append(name).append('{').append(label).append("=\"").append(key)
                .append("\"} ").append(value).append('\n'));
        return out.toString();
    }

    private static void help(StringBuilder out, String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n').append("# TYPE ").append(name).append(' ')
                .append(type).append('\n');
    }

    /** A latency histogram: a counter per bucket, the count and the sum. */
    static final class CallLatency {
        private final LongAdder[] buckets = new LongAdder[BUCKETS.length];
        private final LongAdder count = new LongAdder();
        private final LongAdder sumNanos = new LongAdder();

        CallLatency() {
            for (int i = 0; i < buckets.length; i++) {
                buckets[i] = new LongAdder();
            }
        }

        void record(long nanos) {
            double seconds = nanos / 1e9;
            for (int i = 0; i < BUCKETS.length; i++) {
                if (seconds <= BUCKETS[i]) {
                    buckets[i].increment();
                }
            }
            count.increment();
            sumNanos.add(nanos);
        }

        void render(StringBuilder out, String service) {
            String name = "openhands_jira_outbound_call_seconds";
            for (int i = 0; i < BUCKETS.length; i++) {
                out.append(name).append("_bucket{service=\"").append(service).append("\",le=\"").append(BUCKETS[i]).append("\"} ")
                        .append(buckets[i].sum()).append('\n');
            }
            out.append(name).append("_bucket{service=\"").append(service).append("\",le=\"+Inf\"} ").append(count.sum()).append('\n')
                    .append(name).append("_count{service=\"").append(service).append("\"} ").append(count.sum()).append('\n')
                    .append(name).append("_sum{service=\"").append(service).append("\"} ").append(sumNanos.sum() / 1e9).append('\n');
        }
    }
}
