package dev.openhands.jiradc.settings.entity;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Who reads /ops/metrics: the management networks, unproxied, or the token from anywhere. */
class MetricsAccessTest {

    static List<MetricsAccess.Network> networks(String ranges) {
        return java.util.Arrays.stream(ranges.split(",")).map(MetricsAccess.Network::parse).toList();
    }

    @Test
    void theManagementNetworksReadUnlessAProxyForwardedTheRequest() {
        MetricsAccess access = new MetricsAccess(Optional.empty(), networks("127.0.0.0/8,::1/128,10.20.0.0/16"));
        assertTrue(access.allows(null, "127.0.0.1", false));
        assertTrue(access.allows(null, "0:0:0:0:0:0:0:1", false));
        assertTrue(access.allows(null, "10.20.3.4", false));
        assertFalse(access.allows(null, "10.21.0.1", false));
        assertFalse(access.allows(null, "192.168.1.1", false));
        assertFalse(access.allows(null, "127.0.0.1", true), "a proxy on the same machine forwards anyone");
        assertFalse(access.allows(null, "localhost", false), "a name is never looked up");
    }

    @Test
    void theTokenReadsFromAnywhere() {
        MetricsAccess access = new MetricsAccess(Optional.of(Secret.of("s3cret")), networks("127.0.0.0/8"));
        assertTrue(access.allows("Bearer s3cret", "203.0.113.7", true));
        assertFalse(access.allows("Bearer s3cre", "203.0.113.7", true));
        assertFalse(access.allows("s3cret", "203.0.113.7", false));
        assertFalse(new MetricsAccess(Optional.empty(), List.of()).allows("Bearer ", "127.0.0.1", false),
                "no token: none matches");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/33", "10.0.0.0/x", "intranet", "10.0.0.0/8/1", "::1/129", ""})
    void aRangeThatIsNotOneIsRefused(String range) {
        assertThrows(IllegalArgumentException.class, () -> MetricsAccess.Network.parse(range));
    }
}
