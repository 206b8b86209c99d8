package dev.openhands.jiradc.bench;

import dev.openhands.jiradc.testing.server.PayaraMicroServer.CpuTicks;
import java.time.Duration;

/**
 * What one endpoint did in one turn: at saturation, the deliveries answered 200 within the window and the CPU time the
 * server process used from the window's start until it settled after it (what it finished after answering counts for
 * this endpoint), and how its threads shared that CPU; at the fixed rate, its latencies.
 */
record EndpointTurn(Target target, long answered, Duration window, Duration serverCpu, CpuTicks threads, double p99Ms,
        long failed) {

    double jitShare() {
        return threads.compilerShare();
    }

    double perSecond() {
        return window.isZero() ? Double.NaN : answered * 1e9 / window.toNanos();
    }

    /** The primary figure: the load generator shares the cores, so throughput alone understates the differences. */
    double serverCpuMicrosPerDelivery() {
        return answered == 0 ? Double.NaN : serverCpu.toNanos() / 1e3 / answered;
    }

    /** The part of {@link #serverCpuMicrosPerDelivery()} that threads of this kind ({@link CpuTicks}) used. */
    double serverCpuMicrosPerDelivery(String threadKind) {
        return serverCpuMicrosPerDelivery() * threads.share(threadKind);
    }
}
