package dev.openhands.jiradc.openhands.entity;

import java.time.Instant;
import java.util.Optional;

/**
 * What OpenHands last said about this service's key, from a call made with it: {@code fix} when something is to be
 * done.
 */
public record ServiceKeyVerdict(State state, String detail, Optional<String> fix, Instant at) {

    public enum State {
        /** OpenHands checked the key and took it. */
        ACCEPTED,
        /** OpenHands refused the key, or has no service key to compare it with. */
        REFUSED,
        /** OpenHands did not answer, or answered something that says nothing about the key. */
        UNANSWERED
    }

    public static ServiceKeyVerdict accepted(String detail) {
        return new ServiceKeyVerdict(State.ACCEPTED, detail, Optional.empty(), Instant.now());
    }

    public static ServiceKeyVerdict refused(ServiceKeyRefused refusal) {
        return new ServiceKeyVerdict(State.REFUSED, refusal.getMessage(), Optional.of(refusal.fix()), Instant.now());
    }

    public static ServiceKeyVerdict unanswered(String detail, String fix) {
        return new ServiceKeyVerdict(State.UNANSWERED, detail, Optional.of(fix), Instant.now());
    }
}
