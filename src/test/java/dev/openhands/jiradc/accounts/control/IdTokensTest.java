package dev.openhands.jiradc.accounts.control;

import static org.junit.jupiter.api.Assertions.*;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.openhands.jiradc.platform.TrustedCaContext;
import dev.openhands.jiradc.settings.control.PemCertificates;
import dev.openhands.jiradc.testing.TestCa;
import java.io.FileInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * ID tokens checked as the sign-in checks them: the provider's keys served over real HTTP (a JDK server on loopback,
 * counting how often they are asked for), tokens signed as a provider, or an attacker, would sign them.
 */
class IdTokensTest {

    static final String ISSUER = "https://login.example.com/realms/openhands";
    static final String CLIENT = "openhands-jira-dc";
    static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
    static final RSAKey RSA = rsa("rsa-1");
    static final ECKey EC = ec("ec-1");
    /**
     * An attacker's key, under whatever key id a test gives it (generating a key per token would take longer than 30
     * s).
     */
    static final RSAKey ATTACKER = rsa("attacker");

    /** The identity provider's jwks_uri: serves {@link #published}, counts the requests. */
    final AtomicInteger keyReads = new AtomicInteger();
    volatile JWKSet published = new JWKSet(List.of(RSA.toPublicJWK(), EC.toPublicJWK()));
    HttpServer provider;

    static RSAKey rsa(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static ECKey ec(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static RSAKey withKeyId(RSAKey key, String kid) {
        return new RSAKey.Builder(key).keyID(kid).build();
    }

    @AfterEach
    void stop() {
        if (provider != null) {
            provider.stop(0);
        }
    }

    IdTokens idTokens() throws Exception {
        provider = serveKeys(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
        return idTokens(URI.create("http://127.0.0.1:" + provider.getAddress().getPort() + "/jwks"),
                HttpClient.newHttpClient());
    }

    static IdTokens idTokens(URI jwks, HttpClient http) {
        return new IdTokens(jwks, http, Duration.ofSeconds(5), ISSUER, CLIENT, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    <S extends HttpServer> S serveKeys(S server) {
        server.createContext("/jwks", exchange -> {
            keyReads.incrementAndGet();
            byte[] body = published.toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }

    static JWTClaimsSet.Builder good() {
        return new JWTClaimsSet.Builder().issuer(ISSUER).subject("u-1").audience(CLIENT)
                .expirationTime(Date.from(NOW.plusSeconds(300))).issueTime(Date.from(NOW)).claim("nonce", "n-1")
                .claim("email", "a@example.com");
    }

    static String signed(JWK key, JWSAlgorithm algorithm, JWTClaimsSet claims) throws Exception {
        JWSSigner signer = key instanceof RSAKey rsa ? new RSASSASigner(rsa) : new ECDSASigner((ECKey) key);
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(algorithm).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    static String rs256(UnaryOperator<JWTClaimsSet.Builder> claims) throws Exception {
        return signed(RSA, JWSAlgorithm.RS256, claims.apply(good()).build());
    }

    static String rejected(IdTokens idTokens, String token) {
        return assertThrows(IdTokens.InvalidIdToken.class, () -> idTokens.verify(token, "n-1")).getMessage();
    }

    static void assertRejected(IdTokens idTokens, String token, String because) {
        String message = rejected(idTokens, token);
        assertTrue(message.contains(because), message);
    }

    @Test
    void rs256AndEs256TokensFromTheProviderAreAccepted() throws Exception {
        IdTokens idTokens = idTokens();
        var verified = idTokens.verify(rs256(claims -> claims), "n-1");
        assertEquals("u-1", verified.getString("sub"));
        assertEquals("a@example.com", verified.getString("email"));
        assertEquals("u-1", idTokens.verify(signed(EC, JWSAlgorithm.ES256, good().build()), "n-1").getString("sub"));
        assertEquals(1, keyReads.get(), "the keys are read once and kept");
    }

    @Test
    void audienceMayBeAList() throws Exception {
        assertNotNull(idTokens().verify(rs256(claims -> claims.audience(List.of("other", CLIENT))), "n-1"));
    }

    @Test
    void aTokenSignedWithAnotherKeyUnderTheProvidersKeyIdIsRejected() throws Exception {
        assertTrue(rejected(idTokens(), signed(withKeyId(ATTACKER, "rsa-1"), JWSAlgorithm.RS256, good().build()))
                .contains("signature does not match"));
    }

    @Test
    void aTamperedTokenIsRejected() throws Exception {
        String[] parts = rs256(claims -> claims).split("\\.");
        String tampered = parts[0] + "." + new PlainJWT(good().subject("admin").build()).serialize().split("\\.")[1]
                + "." + parts[2];
        assertTrue(rejected(idTokens(), tampered).contains("signature does not match"));
    }

    @Test
    void unsignedTokensAreRejected() throws Exception {
        IdTokens idTokens = idTokens();
        assertTrue(rejected(idTokens, new PlainJWT(good().build()).serialize()).contains("not signed (alg none)"));
        assertTrue(rejected(idTokens, "not-a-jwt").contains("not a signed JWT"));
    }

    /** The classic confusion: HS256 keyed with the provider's public key, which anyone can download. */
    @Test
    void hs256SignedWithThePublicKeyIsRejected() throws Exception {
        IdTokens idTokens = idTokens();
        for (byte[] secret : List.of(RSA.toPublicKey().getEncoded(),
                RSA.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8))) {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("rsa-1").build(),
                    good().build());
            jwt.sign(new MACSigner(secret));
            assertTrue(rejected(idTokens, jwt.serialize())
                    .contains("signed with HS256, which this service does not accept"));
        }
        assertEquals(0, keyReads.get(), "refused before any key is looked for");
    }

    @Test
    void issuerAudienceExpiryNotBeforeAndNonceAreChecked() throws Exception {
        IdTokens idTokens = idTokens();
        assertRejected(idTokens, rs256(claims -> claims.issuer("https://evil.example.com")), "iss");
        assertRejected(idTokens, rs256(claims -> claims.audience("another-client")), "aud claim rejected");
        assertRejected(idTokens, rs256(claims -> claims.expirationTime(Date.from(NOW.minusSeconds(600)))), "Expired");
        assertRejected(idTokens, rs256(claims -> claims.notBeforeTime(Date.from(NOW.plusSeconds(600)))), "before use");
        assertRejected(idTokens, rs256(claims -> claims.claim("nonce", "replayed")), "nonce");
        assertRejected(idTokens, rs256(claims -> claims.claim("nonce", null)), "nonce");
        assertRejected(idTokens, rs256(claims -> claims.expirationTime(null)), "exp");
        assertRejected(idTokens, rs256(claims -> claims.subject(null)), "sub");
    }

    @Test
    void clocksAFewSecondsApartAreTolerated() throws Exception {
        IdTokens idTokens = idTokens();
        assertNotNull(idTokens.verify(rs256(claims -> claims.expirationTime(Date.from(NOW.minusSeconds(60)))), "n-1"));
        assertNotNull(idTokens.verify(rs256(claims -> claims.notBeforeTime(Date.from(NOW.plusSeconds(60)))), "n-1"));
    }

    /**
     * A key id not among the provider's asks it for its keys once; a flood of them does not become a flood of requests.
     */
    @Test
    void anUnknownKeyIdReadsTheKeysOnceAndAFloodOfThemNoMore() throws Exception {
        IdTokens idTokens = idTokens();
        assertNotNull(idTokens.verify(rs256(claims -> claims), "n-1"));
        assertEquals(1, keyReads.get());

        assertTrue(rejected(idTokens, signed(withKeyId(ATTACKER, "rotated-away"), JWSAlgorithm.RS256, good().build()))
                .contains("no RS256 signing key rotated-away"));
        assertEquals(2, keyReads.get(), "read again once, as the provider may have rotated its keys");

        for (int i = 0; i < 50; i++) {
            assertTrue(
                    rejected(idTokens, signed(withKeyId(ATTACKER, "unknown-" + i), JWSAlgorithm.RS256, good().build()))
                            .contains("no RS256 signing key"));
        }
        assertEquals(2, keyReads.get(), "not read again within 30 s");
        assertNotNull(idTokens.verify(rs256(claims -> claims), "n-1"), "the known key still works");
    }

    @Test
    void aKeyRotationAtTheProviderIsPickedUp() throws Exception {
        IdTokens idTokens = idTokens();
        assertNotNull(idTokens.verify(rs256(claims -> claims), "n-1"));
        RSAKey next = rsa("rsa-2");
        published = new JWKSet(next.toPublicJWK());
        assertEquals("u-1", idTokens.verify(signed(next, JWSAlgorithm.RS256, good().build()), "n-1").getString("sub"));
        assertEquals(2, keyReads.get());
        assertTrue(rejected(idTokens, rs256(claims -> claims)).contains("no RS256 signing key rsa-1"),
                "the retired key no longer signs");
    }

    @Test
    void keysTheProviderCannotServeSayWhy() {
        IdTokens idTokens = idTokens(URI.create("http://127.0.0.1:9/jwks"), HttpClient.newHttpClient());
        String message = assertThrows(IdTokens.InvalidIdToken.class,
                () -> idTokens.verify(rs256(claims -> claims), "n-1")).getMessage();
        assertTrue(message.contains("the provider's keys cannot be read (cannot reach http://127.0.0.1:9/jwks"),
                message);
    }

    /**
     * A provider behind the company's own CA: its keys are read with the CAs of jira-dc.trusted-ca, as every call out.
     */
    @Test
    void theKeysAreReadWithTheTrustedCas() throws Exception {
        TestCa ca = TestCa.generate(Path.of("target", "test-ca-id-tokens"));
        KeyStore keystore = KeyStore.getInstance("PKCS12");
        try (var in = new FileInputStream(ca.jiraKeystore.toFile())) {
            keystore.load(in, TestCa.PASSWORD.toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(keystore, TestCa.PASSWORD.toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(tls));
        provider = serveKeys(https);
        URI jwks = URI.create("https://127.0.0.1:" + https.getAddress().getPort() + "/jwks");

        IdTokens withoutTheCa = idTokens(jwks,
                HttpClient.newBuilder().sslContext(TrustedCaContext.with(List.of())).build());
        assertTrue(rejected(withoutTheCa, rs256(claims -> claims)).contains("the provider's keys cannot be read"));
        assertEquals(0, keyReads.get(), "the provider was not trusted");

        IdTokens withTheCa = idTokens(jwks, HttpClient.newBuilder()
                .sslContext(TrustedCaContext.with(PemCertificates.read(ca.certificatePem()))).build());
        assertEquals("u-1", withTheCa.verify(rs256(claims -> claims), "n-1").getString("sub"));
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
