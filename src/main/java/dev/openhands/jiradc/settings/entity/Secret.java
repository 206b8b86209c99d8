package dev.openhands.jiradc.settings.entity;

import java.util.Objects;

/**
 * A secret configuration value. Its {@link #toString()} never shows the value, so it can be
 * logged, put in a message or serialised by accident without leaking.
 */
public final class Secret {

    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value);
    }

    public static Secret of(String value) {
        return new Secret(value);
    }

    /** The value itself: only for the one place that must send or use it. */
    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret secret && secret.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "********";
    }
}
