package dev.openhands.jiradc.accounts.control;

import static dev.openhands.jiradc.platform.Jsons.JSON;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Verifies an OpenID Connect ID token (a signed JWT): signature with the provider's key (RS256/384/512,
 * ES256/384), issuer, audience, expiry and nonce. Returns its claims, or says why it is not valid.
 */
public final class IdTokens {

    private static final Duration CLOCK_SKEW = Duration.ofMinutes(2);
    private static final Map<String, String> ALGORITHMS = Map.of(
            "RS256", "SHA256withRSA", "RS384", "SHA384withRSA", "RS512", "SHA512withRSA",
            "ES256", "SHA256withECDSAinP1363Format", "ES384", "SHA384withECDSAinP1363Format");

    private IdTokens() {
    }

    /** @param keys the provider's signing key for a key id (empty id when the token names none) */
    public static JsonObject verify(String token, Function<String, Optional<PublicKey>> keys, String issuer,
            String clientId, String nonce, Instant now) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new InvalidIdToken("it is not a signed JWT");
        }
        JsonObject header = json(parts[0]);
        JsonObject claims = json(parts[1]);
        String algorithm = header.getString("alg", "");
        if (!ALGORITHMS.containsKey(algorithm)) {
            throw new InvalidIdToken("it is signed with " + algorithm + ", which this service does not accept");
        }
        PublicKey key = keys.apply(header.getString("kid", ""))
                .orElseThrow(() -> new InvalidIdToken("the provider has no signing key " + header.getString("kid", "")));
        try {
            Signature signature = Signature.getInstance(ALGORITHMS.get(algorithm));
            signature.initVerify(key);
            signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!signature.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                throw new InvalidIdToken("its signature does not match the provider's key");
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new InvalidIdToken("its signature cannot be checked: " + e.getMessage());
        }
        if (!issuer.equals(claims.getString("iss", ""))) {
            throw new InvalidIdToken("it was issued by " + claims.getString("iss", "nobody") + ", not " + issuer);
        }
        if (!audience(claims).contains(clientId)) {
            throw new InvalidIdToken("it was issued for another client, not " + clientId);
        }
        if (!(claims.get("exp") instanceof JsonNumber exp) || Instant.ofEpochSecond(exp.longValue()).plus(CLOCK_SKEW).isBefore(now)) {
            throw new InvalidIdToken("it has expired");
        }
        if (!nonce.equals(claims.getString("nonce", ""))) {
            throw new InvalidIdToken("its nonce does not match this sign-in");
        }
        return claims;
    }

    /** A claim's value as text: a string as it is, a number as written; empty when absent, blank or of another type. */
    public static Optional<String> textClaim(JsonObject claims, String name) {
        JsonValue value = claims.get(name);
        if (value instanceof JsonString text) {
            return Optional.of(text.getString()).filter(s -> !s.isBlank());
        }
        return value instanceof JsonNumber number ? Optional.of(number.toString()) : Optional.empty();
    }

    private static java.util.List<String> audience(JsonObject claims) {
        JsonValue aud = claims.get("aud");
        if (aud instanceof JsonString single) {
            return java.util.List.of(single.getString());
        }
        if (aud instanceof JsonArray many) {
            return many.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
        }
        return java.util.List.of();
    }

    private static JsonObject json(String part) {
        try {
            return JSON.createReader(new StringReader(new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8)))
                    .readObject();
        } catch (RuntimeException e) {
            throw new InvalidIdToken("it is not readable JSON");
        }
    }

    public static final class InvalidIdToken extends RuntimeException {
        InvalidIdToken(String reason) {
            super("The identity provider's ID token is not valid: " + reason + ".");
        }
    }
}
