package dev.openhands.jiradc.settings.entity;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/**
 * Who may read {@code /ops/metrics}: a scraper with the token ({@code ops.metrics.token}), or a caller on the
 * management networks ({@code ops.metrics.networks}, loopback by default) that did not come through a proxy.
 */
public record MetricsAccess(Optional<Secret> token, List<Network> networks) {

    public static final String LOOPBACK = "127.0.0.0/8,::1/128";

    public MetricsAccess {
        networks = List.copyOf(networks);
    }

    /**
     * @param authorization the request's {@code Authorization} header, or null
     * @param proxied whether a proxy forwarded it ({@code X-Forwarded-For}): then its address is the proxy's, not the
     *     caller's
     */
    public boolean allows(String authorization, String remoteAddress, boolean proxied) {
        if (token.isPresent() && authorization != null
                && MessageDigest.isEqual(authorization.getBytes(StandardCharsets.UTF_8),
                        ("Bearer " + token.get().reveal()).getBytes(StandardCharsets.UTF_8))) {
            return true;
        }
        return !proxied && networks.stream().anyMatch(network -> network.contains(remoteAddress));
    }

    /** An address range in CIDR notation, such as {@code 10.1.0.0/16} or {@code ::1/128}. */
    public record Network(byte[] address, int prefix) {

        /** @throws IllegalArgumentException when the text is not an IP address with a prefix length */
        public static Network parse(String cidr) {
            String[] parts = cidr.trim().split("/");
            try {
                byte[] address = literal(parts[0]).getAddress();
                int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : address.length * 8;
                if (parts.length > 2 || prefix < 0 || prefix > address.length * 8) {
                    throw new IllegalArgumentException(cidr);
                }
                return new Network(address, prefix);
            } catch (RuntimeException | UnknownHostException e) {
                throw new IllegalArgumentException("'" + cidr.trim() + "' is not an address range such as 10.0.0.0/8",
                        e);
            }
        }

        public boolean contains(String address) {
            try {
                byte[] other = literal(address).getAddress();
                return other.length == this.address.length && prefixOf(other).equals(prefixOf(this.address));
            } catch (UnknownHostException | IllegalArgumentException e) {
                return false;
            }
        }

        /** An address written as one: never a name, which would be looked up in DNS. */
        private static InetAddress literal(String text) throws UnknownHostException {
            if (!text.matches("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.%]*")) {
                throw new IllegalArgumentException(text);
            }
            return InetAddress.getByName(text);
        }

        private BigInteger prefixOf(byte[] bytes) {
            return new BigInteger(1, bytes).shiftRight(bytes.length * 8 - prefix);
        }
    }
}
