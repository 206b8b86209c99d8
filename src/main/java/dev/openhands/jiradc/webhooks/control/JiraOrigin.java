package dev.openhands.jiradc.webhooks.control;

import java.net.URI;
import java.util.Locale;

/**
 * The Jira host a delivery's URLs must name: scheme, host and port of the configured base URL. Jira writes
 * its URLs as it is configured, so nearly every URL starts with the base's {@code scheme://authority/} and
 * is matched without being parsed; any other is compared after parsing, case and default ports aside.
 */
final class JiraOrigin {

    private final String origin;
    private final String prefix;

    JiraOrigin(String baseUrl) {
        this.origin = of(baseUrl);
        URI base = parse(baseUrl);
        this.prefix = base == null || base.getRawAuthority() == null ? null
                : base.getScheme() + "://" + base.getRawAuthority() + "/";
    }

    /** Whether the URL is on the configured Jira host. */
    boolean names(String url) {
        // the authority ends at the first '/' after "//", so this prefix leaves no room for another host
        return prefix != null && url.startsWith(prefix) || parse(url) != null && of(url).equals(origin);
    }

    /** scheme://host:port, with the default port written out, so that equal hosts compare equal. */
    static String of(String url) {
        URI uri = parse(url);
        if (uri == null) {
            return "unreadable URL";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : scheme.equals("http") ? 80 : -1;
        return scheme + "://" + (uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT)) + ":" + port;
    }

    private static URI parse(String url) {
        try {
            return URI.create(url);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
