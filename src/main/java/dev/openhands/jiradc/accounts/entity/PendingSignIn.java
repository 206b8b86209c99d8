package dev.openhands.jiradc.accounts.entity;

import dev.openhands.jiradc.secrets.boundary.Pkce;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A sign-in sent to the identity provider and not back yet: what its answer is checked against. It travels sealed in
 * the browser's cookie, so that whichever instance the answer reaches can check it and nothing is stored for it.
 */
public record PendingSignIn(String state, String nonce, String codeVerifier, String redirectUri, Instant startedAt) {

    /** What the browser's copy is sealed for. */
    public static final String PURPOSE = "sign-in.pending";
    /** Long enough to sign in at the identity provider; a browser that takes longer starts again. */
    public static final Duration LIFETIME = Duration.ofMinutes(5);

    public static PendingSignIn start(String redirectUri, Instant now) {
        return new PendingSignIn(Pkce.randomToken(), Pkce.randomToken(), Pkce.randomToken(), redirectUri, now);
    }

    /** Whether the identity provider's answer belongs to this sign-in and comes in time. */
    public boolean answeredBy(String answeredState, Instant now) {
        return state.equals(answeredState) && now.isBefore(startedAt.plus(LIFETIME));
    }

    public String toJson() {
        return Json.createObjectBuilder().add("state", state).add("nonce", nonce).add("codeVerifier", codeVerifier)
                .add("redirectUri", redirectUri).add("startedAt", startedAt.toString()).build().toString();
    }

    /** @return empty for anything {@link #toJson} did not write */
    public static Optional<PendingSignIn> fromJson(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            JsonObject pending = reader.readObject();
            return Optional.of(new PendingSignIn(pending.getString("state"), pending.getString("nonce"),
                    pending.getString("codeVerifier"), pending.getString("redirectUri"),
                    Instant.parse(pending.getString("startedAt"))));
        } catch (JsonException | ClassCastException | NullPointerException | DateTimeException e) {
            return Optional.empty();
        }
    }
}
