package dev.openhands.jiradc.settings.entity;

/** How a Jira user is matched to an OpenHands account. */
public enum LinkingMethod {
    /** The user proves ownership of the Jira account through Jira's OAuth 2.0 provider. */
    OAUTH,
    /** The Jira user's email address is matched to the OpenHands account's email address. */
    EMAIL;

    public String configValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
