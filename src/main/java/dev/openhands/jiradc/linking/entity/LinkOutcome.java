package dev.openhands.jiradc.linking.entity;

import java.util.Locale;

/** How an attempt to connect a Jira account ended; the code travels in the redirect to the settings page. */
public enum LinkOutcome {
    CONNECTED, ACCESS_DENIED, STATE_UNKNOWN, STATE_EXPIRED, STATE_REPLAYED, WRONG_ACCOUNT, NOT_SIGNED_IN,
    TOKEN_REFUSED, CALLBACK_MISMATCH, JIRA_UNREACHABLE, TLS_FAILURE, JIRA_ACCOUNT_TAKEN, FAILED;

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public boolean succeeded() {
        return this == CONNECTED;
    }
}
