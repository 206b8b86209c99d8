package dev.openhands.jiradc.openhands.entity;

import dev.openhands.jiradc.platform.EnumOrUnknown;
import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import java.util.Optional;

/**
 * OpenHands starting a conversation: {@code WORKING} ... {@code READY} (with the conversation id) or
 * {@code ERROR} (with a detail).
 */
public record StartTask(String id, Status status, Optional<String> appConversationId, Optional<String> detail) {

    /**
     * OpenHands' {@code AppConversationStartTaskStatus}; {@link #UNKNOWN} for a status its description does not list.
     */
    @JsonbTypeDeserializer(EnumOrUnknown.class)
    public enum Status {
        WORKING, WAITING_FOR_SANDBOX, PREPARING_REPOSITORY, RUNNING_SETUP_SCRIPT, SETTING_UP_GIT_HOOKS,
        SETTING_UP_SKILLS, STARTING_CONVERSATION, READY, ERROR, UNKNOWN
    }

    public boolean failed() {
        return status == Status.ERROR;
    }

    /** Why it failed, in words for the issue. */
    public String failure() {
        return "OpenHands could not start the conversation" + detail.map(text -> " (" + text + ")").orElse("");
    }
}
