package dev.openhands.jiradc.openhands.entity;

import java.util.Optional;

/** The OpenHands user an API key belongs to. */
public record OpenHandsUser(String id, Optional<String> email) {
}
