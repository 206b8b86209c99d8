package dev.openhands.jiradc.linking.entity;

/** How a link between a Jira user and an account was made. */
public enum LinkMethod {
    /** The person granted access through Jira's OAuth 2.0 flow. */
    OAUTH,
    /** The Jira user's email matched the account's email. */
    EMAIL
}
