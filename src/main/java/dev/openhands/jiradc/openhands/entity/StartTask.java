package dev.openhands.jiradc.openhands.entity;

import java.util.Optional;

/** OpenHands starting a conversation: {@code WORKING} ... {@code READY} (with the conversation id) or {@code ERROR}. */
public record StartTask(String id, String status, Optional<String> appConversationId) {
}
