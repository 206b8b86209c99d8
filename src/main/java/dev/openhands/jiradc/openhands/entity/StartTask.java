package dev.openhands.jiradc.openhands.entity;

import java.util.Optional;

/**
 * OpenHands starting a conversation: {@code WORKING} ... {@code READY} (with the conversation id) or
 * {@code ERROR} (with a detail).
 */
public record StartTask(String id, String status, Optional<String> appConversationId, Optional<String> detail) {

    public boolean failed() {
        return "ERROR".equals(status);
    }

    /** Why it failed, in words for the issue. */
    public String failure() {
        return "OpenHands could not start the conversation" + detail.map(text -> " (" + text + ")").orElse("");
    }
}
