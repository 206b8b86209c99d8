package dev.openhands.jiradc.platform;

import java.lang.management.ManagementFactory;

/** This app server process among those sharing the database, as {@code pid@host}: recorded on the work it claims. */
public final class ThisInstance {

    public static final String NAME = ManagementFactory.getRuntimeMXBean().getName();

    private ThisInstance() {
    }
}
