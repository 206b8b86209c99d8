package dev.openhands.jiradc.openhands.entity;

/**
 * In service-to-service mode, no working OpenHands API key can be had for a person; {@link Reason} says why, and so
 * what they (or an admin) must do. The message names OpenHands ids, never a key.
 */
public class ApiKeyNotIssued extends RuntimeException {

    public enum Reason {
        /** OpenHands has no user with the person's id (404): they have no OpenHands account. */
        UNKNOWN_USER,
        /** The user is not a member of the configured organisation (403). */
        NOT_IN_ORGANISATION,
        /** The person's OpenHands user id is not known here: their sign-in did not carry it. */
        USER_ID_UNKNOWN,
        /** OpenHands refuses the key it issued, even when asked for it again. */
        REFUSED
    }

    private final Reason reason;

    public ApiKeyNotIssued(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
