package dev.openhands.jiradc.openhands.entity;

import dev.openhands.jiradc.platform.EnumOrUnknown;
import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A conversation as OpenHands reports it. {@code executionStatus} ({@code running}, {@code finished},
 * {@code error}, {@code stuck}, ...) is only known while the sandbox runs ({@code sandboxStatus}
 * {@code RUNNING}; otherwise {@code PAUSED}, {@code MISSING}, ...).
 */
public record Conversation(String id, Optional<ExecutionStatus> executionStatus, SandboxStatus sandboxStatus,
        List<Integer> pullRequests, Optional<String> gitProvider, Optional<String> repository) {

    public Conversation {
        pullRequests = List.copyOf(pullRequests);
    }

    /**
     * OpenHands' {@code ConversationExecutionStatus}, written in lower case; {@link #UNKNOWN} for one it does not list.
     */
    @JsonbTypeDeserializer(EnumOrUnknown.class)
    public enum ExecutionStatus {
        IDLE, RUNNING, PAUSED, WAITING_FOR_CONFIRMATION, FINISHED, ERROR, STUCK, DELETING, UNKNOWN;

        /** As OpenHands writes it: {@code running}, {@code finished}, ... */
        public String apiName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** OpenHands' {@code SandboxStatus}; {@link #UNKNOWN} for one its description does not list. */
    @JsonbTypeDeserializer(EnumOrUnknown.class)
    public enum SandboxStatus {
        STARTING, RUNNING, PAUSED, ERROR, MISSING, UNKNOWN
    }

    public boolean sandboxGone() {
        return sandboxStatus == SandboxStatus.MISSING;
    }
}
