package dev.openhands.jiradc.openhands.entity;

/**
 * A start was sent to OpenHands and no answer came back (the connection broke, or the answer took too long): OpenHands
 * may have started the conversation all the same.
 */
public class StartUnanswered extends OpenHandsUnavailable {

    public StartUnanswered(String message) {
        super(message);
    }
}
