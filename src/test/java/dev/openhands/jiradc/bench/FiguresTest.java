package dev.openhands.jiradc.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openhands.jiradc.testing.server.PayaraMicroServer.CpuTicks;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The benchmark's arithmetic and checks, apart from any server. */
class FiguresTest {

    private static final Target SERVICE = new Target("service", URI.create("http://localhost/"), "secret");

    @Test
    void theMedianOfAnOddCountIsTheMiddleOneAndOfAnEvenCountTheMeanOfTheTwo() {
        assertEquals(new Spread(1, 2, 3), Spread.of(List.of(3.0, 1.0, 2.0)));
        assertEquals(new Spread(1, 3, 10), Spread.of(List.of(4.0, 1.0, 2.0, 10.0)));
    }

    @Test
    void turnsWithNothingMeasuredAreLeftOut() {
        assertEquals(new Spread(5, 6, 7), Spread.of(List.of(Double.NaN, 5.0, 7.0)));
        assertTrue(Double.isNaN(Spread.of(List.of(Double.NaN)).median()));
    }

    @Test
    void serverCpuPerDeliveryIsTheCpuTimeOverTheDeliveriesAnswered() {
        EndpointTurn turn = new EndpointTurn(SERVICE, 30_000, Duration.ofSeconds(15), Duration.ofMillis(12_000),
                new CpuTicks(1_000, Map.of("requests/7", 600L, "background/8", 250L, "jit/9", 10L)), 5, 0);

        assertEquals(400.0, turn.serverCpuMicrosPerDelivery(), 1e-9);
        assertEquals(240.0, turn.serverCpuMicrosPerDelivery(CpuTicks.REQUESTS), 1e-9);
        assertEquals(100.0, turn.serverCpuMicrosPerDelivery(CpuTicks.BACKGROUND), 1e-9);
        assertEquals(0.01, turn.jitShare(), 1e-9);
        assertEquals(2_000.0, turn.perSecond(), 1e-9);
    }

    @Test
    void aThreadThatStartedOrEndedBetweenTwoReadingsCountsWhatItUsedInBetweenAndNeverLess() {
        CpuTicks before = new CpuTicks(1_000, Map.of("background/8", 400L, "requests/7", 100L));
        CpuTicks after = new CpuTicks(1_500, Map.of("requests/7", 300L, "background/9", 50L));

        CpuTicks since = after.minus(before);

        assertEquals(0.4, since.share(CpuTicks.REQUESTS), 1e-9);
        assertEquals(0.1, since.share(CpuTicks.BACKGROUND), 1e-9, "the ended thread 8 takes nothing away");
    }

    @Test
    void anEndpointThatAnsweredNothingHasNoCpuPerDelivery() {
        EndpointTurn turn = new EndpointTurn(SERVICE, 0, Duration.ofSeconds(15), Duration.ofSeconds(3),
                new CpuTicks(300, Map.of()), 0, 10);

        assertTrue(Double.isNaN(turn.serverCpuMicrosPerDelivery()));
    }

    @Test
    void theSameWorkCheckSaysWhenARowOrALineIsMissing() {
        assertTrue(WebhookBenchmark.sameWorkCheck(449, 449, 8962, 8962).endsWith("all kept" + System.lineSeparator()));
        assertTrue(WebhookBenchmark.sameWorkCheck(449, 448, 8962, 8962).contains("MISMATCH"));
        assertTrue(WebhookBenchmark.sameWorkCheck(449, 449, 8962, 8000).contains("MISMATCH"));
    }
}
