package dev.openhands.jiradc.openhands.entity;

import java.util.Optional;

/**
 * One event of a conversation, reduced to what a report needs: the agent's final words (its
 * {@code finish} call, or a message of its own) or an error's text.
 */
public record ConversationEvent(String id, Kind kind, Optional<String> text) {

    public enum Kind {
        /** The agent called its finish tool; the text is its closing message. */
        FINISH,
        /** A message from the agent. */
        AGENT_MESSAGE,
        /** The agent or the conversation reported an error. */
        ERROR, OTHER
    }
}
