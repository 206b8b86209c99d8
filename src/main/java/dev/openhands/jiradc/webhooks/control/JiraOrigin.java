package dev.openhands.jiradc.webhooks.control;

import java.net.URI;
import java.util.Locale;

/**
 * The Jira host a delivery's URLs must name: scheme, host and port of the configured base URL, read once.
 * A URL names it when it has the same scheme, host and port, case and default ports aside.
 */
final class JiraOrigin {

    private static final String UNREADABLE = "unreadable URL";

    private final String origin;

    JiraOrigin(String baseUrl) {
        this.origin = of(baseUrl);
    }

    /** Whether the URL is on the configured Jira host; an unreadable URL is on no host. */
    boolean names(String url) {
        String host = of(url);
        return !host.equals(UNREADABLE) && host.equals(origin);
    }

    /** scheme://host:port, with the default port written out, so that equal hosts compare equal. */
    static String of(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return UNREADABLE;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : scheme.equals("http") ? 80 : -1;
        return scheme + "://" + (uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT)) + ":" + port;
    }
}
