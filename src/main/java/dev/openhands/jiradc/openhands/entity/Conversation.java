package dev.openhands.jiradc.openhands.entity;

import java.util.List;
import java.util.Optional;

/**
 * A conversation as OpenHands reports it. {@code executionStatus} ({@code running}, {@code finished},
 * {@code error}, {@code stuck}, ...) is only known while the sandbox runs ({@code sandboxStatus}
 * {@code RUNNING}; otherwise {@code PAUSED}, {@code MISSING}, ...).
 */
public record Conversation(String id, Optional<String> executionStatus, String sandboxStatus, List<Integer> pullRequests,
        Optional<String> gitProvider, Optional<String> repository) {

    public Conversation {
        pullRequests = List.copyOf(pullRequests);
    }

    public boolean sandboxGone() {
        return "MISSING".equals(sandboxStatus);
    }
}
