package dev.openhands.jiradc.accounts.entity;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PendingSignInTest {

    static final Instant STARTED = Instant.parse("2026-11-29T10:00:00Z");
    final PendingSignIn pending = PendingSignIn.start("https://openhands.example.com/sign-in/callback", STARTED);

    @Test
    void itIsAnsweredByItsOwnStateForFiveMinutes() {
        assertTrue(pending.answeredBy(pending.state(), STARTED.plusSeconds(1)));
        assertTrue(pending.answeredBy(pending.state(), STARTED.plus(Duration.ofMinutes(5)).minusMillis(1)));
        assertFalse(pending.answeredBy(pending.state(), STARTED.plus(Duration.ofMinutes(5))), "after its five minutes");
        String another = PendingSignIn.start(pending.redirectUri(), STARTED).state();
        assertFalse(pending.answeredBy(another, STARTED.plusSeconds(1)), "another sign-in's state");
        assertFalse(pending.answeredBy(null, STARTED.plusSeconds(1)), "no state");
    }

    @Test
    void eachSignInHasItsOwnUnguessableStateNonceAndVerifier() {
        PendingSignIn other = PendingSignIn.start(pending.redirectUri(), STARTED);
        assertNotEquals(pending.state(), other.state());
        assertNotEquals(pending.nonce(), other.nonce());
        assertNotEquals(pending.codeVerifier(), other.codeVerifier());
        assertEquals(43, pending.state().length());
    }

    @Test
    void itReadsBackWhatItWrote() {
        assertEquals(Optional.of(pending), PendingSignIn.fromJson(pending.toJson()));
    }

    @Test
    void anythingElseReadsAsNoPendingSignIn() {
        for (String other : new String[]{"", "not json", "[]", "{}", "{\"state\":1}",
                pending.toJson().replace("\"startedAt\":\"" + STARTED + "\"", "\"startedAt\":\"yesterday\"")}) {
            assertEquals(Optional.empty(), PendingSignIn.fromJson(other), other);
        }
    }
}
