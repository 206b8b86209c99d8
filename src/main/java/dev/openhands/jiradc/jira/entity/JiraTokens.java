package dev.openhands.jiradc.jira.entity;

import dev.openhands.jiradc.settings.entity.Secret;
import java.time.Instant;

/** An OAuth 2.0 token pair from Jira. Jira rotates refresh tokens: each refresh returns a new pair. */
public record JiraTokens(Secret accessToken, Secret refreshToken, Instant accessExpiresAt) {
}
