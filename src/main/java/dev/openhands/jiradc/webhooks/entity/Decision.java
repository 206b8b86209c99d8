package dev.openhands.jiradc.webhooks.entity;

import java.util.Optional;

/** What a delivery means for this service, and the key that makes a repeat of it recognisable. */
public record Decision(Kind kind, String outcome, Optional<String> dedupKey) {

    public enum Kind {
        /** Asks for OpenHands: goes to the inbox. */
        TRIGGER,
        /** An issue or comment was deleted: goes to the inbox so that jobs not started yet are cancelled. */
        DELETION,
        /** Nothing to do; the outcome says why. */
        NONE
    }

    public static Decision trigger(String dedupKey, String outcome) {
        return new Decision(Kind.TRIGGER, "trigger: " + outcome, Optional.of(dedupKey));
    }

    public static Decision deletion(String dedupKey, String outcome) {
        return new Decision(Kind.DELETION, outcome, Optional.of(dedupKey));
    }

    public static Decision none(String outcome) {
        return new Decision(Kind.NONE, outcome, Optional.empty());
    }

    public boolean entersInbox() {
        return kind != Kind.NONE;
    }
}
