package dev.openhands.jiradc.bench;

import java.net.URI;

/** An endpoint under load: where deliveries go and the secret they are signed with. */
record Target(String name, URI events, String secret) {
}
