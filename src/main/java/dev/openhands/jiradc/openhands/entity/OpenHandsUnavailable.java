package dev.openhands.jiradc.openhands.entity;

/** OpenHands could not be asked, or failed: the message says what happened in words. */
public class OpenHandsUnavailable extends RuntimeException {

    private final int status;

    public OpenHandsUnavailable(String message) {
        this(message, 0);
    }

    public OpenHandsUnavailable(String message, int status) {
        super(message);
        this.status = status;
    }

    /** The error status OpenHands answered with (404, 409, 503, ...); 0 when it did not answer with one. */
    public int status() {
        return status;
    }
}
