package dev.openhands.jiradc.ops.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/** Prometheus scrapes {@code /ops/metrics}; nothing secret is in it. */
@Path("ops/metrics")
public class MetricsResource {

    @Inject
    Metrics metrics;

    @GET
    @Produces("text/plain; version=0.0.4; charset=utf-8")
    public String scrape() {
        return metrics.render();
    }
}
