package dev.openhands.jiradc.platform;

import jakarta.json.spi.JsonProvider;

/**
 * The application's one JSON provider. {@code Json.createObjectBuilder()} and the like look the
 * provider up on every call, which on Payara scans the WAR's class path (a ServiceLoader lookup):
 * a noticeable share of the CPU of each delivery and each call to Jira.
 */
public final class Jsons {

    public static final JsonProvider JSON = JsonProvider.provider();

    private Jsons() {
    }
}
