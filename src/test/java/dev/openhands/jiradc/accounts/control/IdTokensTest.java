package dev.openhands.jiradc.accounts.control;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class IdTokensTest {

    static final String ISSUER = "https://login.example.com/realms/openhands";
    static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
    static final KeyPair RSA = generate("RSA");
    static final KeyPair EC = generate("EC");

    final Function<String, Optional<PublicKey>> keys = kid -> Optional.ofNullable(
            Map.of("rsa-1", RSA.getPublic(), "ec-1", EC.getPublic()).get(kid));

    static KeyPair generate(String algorithm) {
        try {
            return KeyPairGenerator.getInstance(algorithm).generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static String token(String alg, String kid, PrivateKey key, String javaAlgorithm, String claims) throws Exception {
        String signingInput = b64("{\"alg\":\"" + alg + "\",\"kid\":\"" + kid + "\",\"typ\":\"JWT\"}") + "." + b64(claims);
        Signature signature = Signature.getInstance(javaAlgorithm);
        signature.initSign(key);
        signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
    }

    static String claims(String iss, String aud, long exp, String nonce) {
        return "{\"iss\":\"%s\",\"sub\":\"u-1\",\"aud\":%s,\"exp\":%d,\"iat\":%d,\"nonce\":\"%s\",\"email\":\"a@example.com\"}"
                .formatted(iss, aud, exp, NOW.getEpochSecond(), nonce);
    }

    static final String GOOD = claims(ISSUER, "\"openhands-jira-dc\"", NOW.plusSeconds(300).getEpochSecond(), "n-1");

    String rejected(String token) {
        return assertThrows(IdTokens.InvalidIdToken.class,
                () -> IdTokens.verify(token, keys, ISSUER, "openhands-jira-dc", "n-1", NOW)).getMessage();
    }

    @Test
    void rs256TokenFromTheProviderIsAccepted() throws Exception {
        var verified = IdTokens.verify(token("RS256", "rsa-1", RSA.getPrivate(), "SHA256withRSA", GOOD), keys, ISSUER,
                "openhands-jira-dc", "n-1", NOW);
        assertEquals("u-1", verified.getString("sub"));
        assertEquals("a@example.com", verified.getString("email"));
    }

    @Test
    void es256TokenIsAccepted() throws Exception {
        String token = token("ES256", "ec-1", EC.getPrivate(), "SHA256withECDSAinP1363Format", GOOD);
        assertEquals("u-1", IdTokens.verify(token, keys, ISSUER, "openhands-jira-dc", "n-1", NOW).getString("sub"));
    }

    @Test
    void audienceMayBeAList() throws Exception {
        String claims = claims(ISSUER, "[\"other\",\"openhands-jira-dc\"]", NOW.plusSeconds(60).getEpochSecond(), "n-1");
        assertNotNull(IdTokens.verify(token("RS256", "rsa-1", RSA.getPrivate(), "SHA256withRSA", claims), keys, ISSUER,
                "openhands-jira-dc", "n-1", NOW));
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRejected() throws Exception {
        assertTrue(rejected(token("RS256", "rsa-1", generate("RSA").getPrivate(), "SHA256withRSA", GOOD)).contains("signature"));
    }

    @Test
    void aTamperedTokenIsRejected() throws Exception {
        String[] parts = token("RS256", "rsa-1", RSA.getPrivate(), "SHA256withRSA", GOOD).split("\\.");
        String tampered = parts[0] + "." + b64(GOOD.replace("u-1", "admin")) + "." + parts[2];
        assertTrue(rejected(tampered).contains("signature"));
    }

    @Test
    void unsignedTokensAreRejected() {
        assertTrue(rejected(b64("{\"alg\":\"none\"}") + "." + b64(GOOD) + ".").contains("none"));
        assertTrue(rejected("not-a-jwt").contains("not a signed JWT"));
    }

    @Test
    void anUnknownKeyIsRejected() throws Exception {
        assertTrue(rejected(token("RS256", "rotated-away", RSA.getPrivate(), "SHA256withRSA", GOOD)).contains("no signing key"));
    }

    @Test
    void issuerAudienceExpiryAndNonceAreChecked() throws Exception {
        long later = NOW.plusSeconds(300).getEpochSecond();
        assertTrue(rejected(token("RS256", "rsa-1", RSA.getPrivate(), "SHA256withRSA",
                claims("https://evil.example.com", "\"openhands-jira-dc\"", later, "n-1"))).contains("issued by"));
        assertTrue(rejected(token("RS256", "rsa-1", RSA.getPrivate(), "SHA256withRSA",
                claims(ISSUER, "\"another-client\"", later, "n-1"))).contains("another client"));
        assertTrue(rejected(token("RS256", "rsa-1", RSA.getPrivate(), "SHA256withRSA",
                claims(ISSUER, "\"openhands-jira-dc\"", NOW.minusSeconds(600).getEpochSecond(), "n-1"))).contains("expired"));
        assertTrue(rejected(token("RS256", "rsa-1", RSA.getPrivate(), "SHA256withRSA",
                claims(ISSUER, "\"openhands-jira-dc\"", later, "replayed"))).contains("nonce"));
    }

    @Test
    void theOpenHandsUserIdClaimIsReadAsText() {
        jakarta.json.JsonObject claims = jakarta.json.Json.createReader(new java.io.StringReader(
                "{\"sub\":\"f3b1c2d4\",\"oh_id\":42,\"blank\":\" \",\"groups\":[\"a\"]}")).readObject();
        assertEquals(Optional.of("f3b1c2d4"), IdTokens.textClaim(claims, "sub"));
        assertEquals(Optional.of("42"), IdTokens.textClaim(claims, "oh_id"), "a number as written");
        assertEquals(Optional.empty(), IdTokens.textClaim(claims, "blank"));
        assertEquals(Optional.empty(), IdTokens.textClaim(claims, "groups"), "a list is no user id");
        assertEquals(Optional.empty(), IdTokens.textClaim(claims, "missing"));
    }
}
