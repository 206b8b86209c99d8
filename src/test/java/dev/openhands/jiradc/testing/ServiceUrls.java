package dev.openhands.jiradc.testing;

import java.net.URI;
import java.net.URL;

/**
 * Payara Micro reports its URL with the machine's network address; tests talk to it on loopback
 * only, at the reported port.
 */
public final class ServiceUrls {

    private ServiceUrls() {
    }

    public static URI local(URL reported, String path) {
        return URI.create("http://localhost:" + reported.getPort() + path);
    }
}
