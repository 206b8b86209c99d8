package dev.openhands.jiradc.openhands.entity;

/** OpenHands could not be asked, or failed: the message says what happened in words. */
public class OpenHandsUnavailable extends RuntimeException {

    public OpenHandsUnavailable(String message) {
        super(message);
    }
}
