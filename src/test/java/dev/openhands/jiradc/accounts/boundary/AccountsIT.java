package dev.openhands.jiradc.accounts.boundary;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.junit.jupiter.api.Assertions.*;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.openhands.jiradc.testing.Http;
import dev.openhands.jiradc.testing.ServiceUrls;
import dev.openhands.jiradc.testing.TestDatabase;
import dev.openhands.jiradc.testing.TestEnvironment;
import dev.openhands.jiradc.testing.browser.Browser;
import dev.openhands.jiradc.testing.identity.IdentityProvider;
import dev.openhands.jiradc.testing.openhands.OpenHandsUsers;
import dev.openhands.jiradc.testing.server.ItLogs;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sign-in through a real OpenID provider creates the account; the OpenHands API key is checked, sealed, never shown.
 */
@ExtendWith(ArquillianExtension.class)
class AccountsIT {

    static final TestEnvironment ENV = TestEnvironment.start();
    static final WireMockServer OPENHANDS = ENV.openHands;
    static final TestDatabase DATABASE = ENV.database;

    @ArquillianResource
    URL service;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ENV.deployment().war();
    }

    @AfterAll
    static void stop() {
        ENV.stop();
    }

    Browser signedIn(String subject, String email, List<String> groups) {
        return ENV.signIn(service, subject, email, groups);
    }

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * An email nobody verified would let anyone who can type a colleague's address at the identity provider become that
     * colleague here: only {@code email_verified: true} (or {@code "true"}) signs in, and nothing is put in the session
     * before that is known.
     */
    @ParameterizedTest(name = "email_verified: {0}")
    @ValueSource(strings = {"false", "\"false\"", "absent", "\"yes\""})
    void aSignInWhoseEmailIsNotVerifiedIsRefusedAndLeavesNoSession(String verified) {
        String id = unique();
        Object claim = switch (verified) {
            case "false" -> false;
            case "absent" -> "";
            default -> verified.replace("\"", "");
        };
        ENV.idp.nextSignIn("sub-" + id, "victim-" + id + "@example.com", "Not the victim",
                List.of(IdentityProvider.ADMIN_GROUP),
                Map.of("email_verified", claim));
        Browser impostor = new Browser(path -> ServiceUrls.local(service, path));
        var landing = impostor.signIn();
        assertEquals("/settings/integrations", landing.uri().getPath());
        assertEquals("sign-in=unverified", landing.uri().getQuery());
        assertEquals(401, impostor.get("/api/integrations/jira-dc/account").statusCode(),
                "nothing was put in the session");
    }

    @Test
    void anEmailVerifiedClaimWrittenAsTheStringTrueSignsIn() {
        String id = unique();
        ENV.idp.nextSignIn("sub-" + id, "gina-" + id + "@example.com", "Gina", List.of(),
                Map.of("email_verified", "true"));
        Browser gina = new Browser(path -> ServiceUrls.local(service, path));
        assertEquals("/settings/integrations", gina.signIn().uri().getPath());
        assertEquals(200, gina.get("/api/integrations/jira-dc/account").statusCode());
    }

    /**
     * A page elsewhere makes a signed-in person's browser call here with their session cookie: every such call is
     * refused.
     */
    @Test
    void crossSiteRequestsCarryingThePersonsCookieAreRefused() {
        Browser victim = signedIn("sub-" + unique(), "victim-" + unique() + "@example.com", List.of());
        String self = "http://localhost:" + service.getPort();
        assertEquals(403, victim.send("PUT", "/api/integrations/jira-dc/account/openhands-api-key",
                Map.of("Content-Type", "text/plain"), "{\"apiKey\":\"attacker-key\"}").statusCode(),
                "a form posted from elsewhere");
        assertEquals(403, victim.send("DELETE", "/api/integrations/jira-dc/link",
                Map.of("X-Requested-With", "fetch", "Origin", "https://evil.example.com"), "").statusCode(),
                "another origin");
        assertEquals(403, victim.send("POST", "/sign-in/out",
                Map.of("X-Requested-With", "fetch", "Sec-Fetch-Site", "cross-site"), "").statusCode(), "another site");
        assertEquals(403, victim.send("POST", "/sign-in/out", Map.of(), "").statusCode(),
                "no sign of the page's own script");
        assertEquals(200, victim.get("/api/integrations/jira-dc/account").statusCode(), "still signed in");

        assertEquals(204, victim.send("POST", "/sign-in/out",
                Map.of("X-Requested-With", "fetch", "Origin", self, "Sec-Fetch-Site", "same-origin"), "").statusCode(),
                "the settings page's own call");
        assertEquals(401, victim.get("/api/integrations/jira-dc/account").statusCode(), "signed out");
    }

    @Test
    void anonymousCallsToTheApiAnswer401() {
        var response = Http.get(ServiceUrls.local(service, "/api/integrations/jira-dc/account"));
        assertEquals(401, response.statusCode(), response.body());
        assertTrue(Http.json(response).getString("error").contains("Sign in"));
    }

    @Test
    void firstSignInCreatesTheAccount() throws Exception {
        String id = unique();
        Browser alice = signedIn("sub-" + id, "Alice." + id + "@Example.com", List.of("developers"));
        var response = alice.get("/api/integrations/jira-dc/account");
        assertEquals(200, response.statusCode(), response.body());
        JsonObject account = Http.json(response);
        assertEquals("Alice." + id + "@Example.com", account.getString("email"));
        assertEquals("Person sub-" + id, account.getString("displayName"));
        assertFalse(account.getBoolean("admin"));
        assertEquals("not set", account.getString("openHandsApiKey"));
        try (Connection db = DATABASE.connect();
                ResultSet rs = db.createStatement()
                        .executeQuery("select email_lower from account where subject = 'sub-" + id + "'")) {
            assertTrue(rs.next());
            assertEquals("alice." + id + "@example.com", rs.getString(1));
        }
    }

    @Test
    void theAdminGroupMakesAnAdmin() {
        Browser admin = signedIn("sub-" + unique(), "admin-" + unique() + "@example.com",
                List.of(IdentityProvider.ADMIN_GROUP));
        assertTrue(Http.json(admin.get("/api/integrations/jira-dc/account")).getBoolean("admin"));
    }

    @Test
    void apiKeyIsCheckedWithOpenHandsSealedAndNeverShown() throws Exception {
        String id = unique();
        String email = "carol." + id + "@example.com";
        String goodKey = "oh-key-" + UUID.randomUUID();
        OpenHandsUsers.keyBelongsTo(OPENHANDS, goodKey, email);
        OpenHandsUsers.keyRefused(OPENHANDS, "wrong-key");
        Browser carol = signedIn("sub-" + id, email, List.of());

        var refused = carol.putJson("/api/integrations/jira-dc/account/openhands-api-key",
                "{\"apiKey\":\"wrong-key\"}");
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(Http.json(refused).getString("error").contains("Settings > API Keys"));
        assertEquals("not set", Http.json(carol.get("/api/integrations/jira-dc/account")).getString("openHandsApiKey"));

        var saved = carol.putJson("/api/integrations/jira-dc/account/openhands-api-key",
                "{\"apiKey\":\"" + goodKey + "\"}");
        assertEquals(200, saved.statusCode(), saved.body());
        var account = carol.get("/api/integrations/jira-dc/account");
        assertEquals("set", Http.json(account).getString("openHandsApiKey"));
        assertFalse(account.body().contains(goodKey));
        try (Connection db = DATABASE.connect();
                ResultSet rs = db.createStatement().executeQuery(
                        "select openhands_api_key_sealed from account where subject = 'sub-" + id + "'")) {
            assertTrue(rs.next());
            assertTrue(rs.getString(1).startsWith("v1:"));
            assertFalse(rs.getString(1).contains(goodKey));
        }

        var removed = carol.delete("/api/integrations/jira-dc/account/openhands-api-key");
        assertEquals(200, removed.statusCode(), removed.body());
        assertEquals("not set", Http.json(carol.get("/api/integrations/jira-dc/account")).getString("openHandsApiKey"));
    }

    @Test
    void keyOfAnotherOpenHandsUserIsRefused() {
        String key = "oh-key-" + UUID.randomUUID();
        OpenHandsUsers.keyBelongsTo(OPENHANDS, key, "someone.else@example.com");
        Browser dave = signedIn("sub-" + unique(), "dave-" + unique() + "@example.com", List.of());
        var refused = dave.putJson("/api/integrations/jira-dc/account/openhands-api-key",
                "{\"apiKey\":\"" + key + "\"}");
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(Http.json(refused).getString("error").contains("belongs to another OpenHands user"));
    }

    /**
     * OpenHands users who signed up through a Git provider may have no email ({@code "email": null} in
     * {@code SaasUserInfo}): such a key is taken only from the person whose sign-in named that OpenHands user
     * ({@code openhands.user-id-claim}, {@code sub} by default), never from someone else who pastes it.
     */
    @Test
    void keyOfAnOpenHandsUserWithoutAnEmailIsTakenOnlyFromThatUser() {
        String key = "oh-key-" + UUID.randomUUID();
        OpenHandsUsers.keyBelongsTo(OPENHANDS, key, null);
        Browser mallory = signedIn("sub-" + unique(), "mallory-" + unique() + "@example.com", List.of());
        var refused = mallory.putJson("/api/integrations/jira-dc/account/openhands-api-key",
                "{\"apiKey\":\"" + key + "\"}");
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(Http.json(refused).getString("error").contains("OpenHands does not say that this API key is yours"),
                refused.body());

        Browser fred = signedIn(OpenHandsUsers.idOf(key), "fred-" + unique() + "@example.com", List.of());
        var saved = fred.putJson("/api/integrations/jira-dc/account/openhands-api-key", "{\"apiKey\":\"" + key + "\"}");
        assertEquals(200, saved.statusCode(), saved.body());
        assertEquals("set", Http.json(fred.get("/api/integrations/jira-dc/account")).getString("openHandsApiKey"));
    }

    @Test
    void emptyKeyIsABadRequestWithAMessage() {
        Browser erin = signedIn("sub-" + unique(), "erin-" + unique() + "@example.com", List.of());
        var refused = erin.putJson("/api/integrations/jira-dc/account/openhands-api-key", "{}");
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(Http.json(refused).getString("error").contains("apiKey"));
    }

    /**
     * An ID token the provider's token endpoint answers (a provider gone wrong, or someone in between), and why it is
     * refused.
     */
    enum ForgedIdToken {
        SIGNED_BY_ANOTHER_KEY("its signature does not match the provider's key"),
        UNSIGNED("it is not signed (alg none)"),
        HS256_KEYED_WITH_THE_PUBLIC_KEY("it is signed with HS256, which this service does not accept"),
        FOR_ANOTHER_CLIENT("its claims are refused: JWT aud claim rejected"),
        FROM_ANOTHER_ISSUER("its claims are refused: JWT iss claim value rejected"),
        EXPIRED("its claims are refused: Expired JWT"),
        FOR_ANOTHER_SIGN_IN("its claims are refused: JWT nonce claim value rejected");

        final String because;

        ForgedIdToken(String because) {
            this.because = because;
        }

        String token(IdentityProvider idp, String nonce) throws Exception {
            Map<String, Object> claims = new HashMap<>(
                    Map.of("iss", idp.issuerUrl(), "sub", "sub-mallory", "aud", "openhands-jira-dc",
                            "nonce", nonce, "email", "victim-admin@example.com", "email_verified", true, "groups",
                            List.of(IdentityProvider.ADMIN_GROUP)));
            JWTClaimsSet.Builder asClaims = new JWTClaimsSet.Builder()
                    .expirationTime(new java.util.Date(System.currentTimeMillis() + 600_000));
            claims.forEach(asClaims::claim);
            RSAKey provider = idp.publicKey();
            return switch (this) {
                case SIGNED_BY_ANOTHER_KEY ->
                    signed(new RSAKeyGenerator(2048).keyID(provider.getKeyID()).generate(), asClaims.build());
                case UNSIGNED -> new PlainJWT(asClaims.build()).serialize();
                case HS256_KEYED_WITH_THE_PUBLIC_KEY -> {
                    SignedJWT jwt = new SignedJWT(
                            new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(provider.getKeyID()).build(),
                            asClaims.build());
                    jwt.sign(new MACSigner(provider.toPublicKey().getEncoded()));
                    yield jwt.serialize();
                }
                case FOR_ANOTHER_CLIENT ->
                    idp.signedByTheProvider(with(claims, "aud", "another-client"), Duration.ofMinutes(10));
                case FROM_ANOTHER_ISSUER ->
                    idp.signedByTheProvider(with(claims, "iss", "https://evil.example.com"), Duration.ofMinutes(10));
                case EXPIRED -> idp.signedByTheProvider(claims, Duration.ofMinutes(-10));
                case FOR_ANOTHER_SIGN_IN ->
                    idp.signedByTheProvider(with(claims, "nonce", "replayed"), Duration.ofMinutes(10));
            };
        }

        static Map<String, Object> with(Map<String, Object> claims, String name, Object value) {
            Map<String, Object> changed = new HashMap<>(claims);
            changed.put(name, value);
            return changed;
        }
    }

    static String signed(RSAKey key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    /**
     * A browser signs in, and the provider's token endpoint answers the ID token {@code forge} makes for this sign-in's
     * nonce.
     */
    java.net.http.HttpResponse<String> signInAnswered(Browser browser, ForgeForNonce forge) throws Exception {
        var started = browser.getNoRedirect("/sign-in");
        assertEquals(303, started.statusCode(), started.body());
        URI authorization = URI.create(started.headers().firstValue("Location").orElseThrow());
        String nonce = Arrays.stream(authorization.getRawQuery().split("&")).filter(p -> p.startsWith("nonce="))
                .map(p -> URLDecoder.decode(p.substring(6), StandardCharsets.UTF_8)).findFirst().orElseThrow();
        URI callback = ENV.idp.answer(authorization);
        ENV.idp.answerNextCodeExchangeWith(forge.token(nonce));
        return browser.get(callback.getRawPath() + "?" + callback.getRawQuery());
    }

    interface ForgeForNonce {
        String token(String nonce) throws Exception;
    }

    /**
     * Whoever answers in the provider's place, or a provider that mixes up its clients and sign-ins, signs nobody in:
     * each token is refused before any session is made, and the log says why.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(ForgedIdToken.class)
    void anIdTokenTheProviderDidNotIssueForThisSignInSignsNobodyIn(ForgedIdToken forged) throws Exception {
        Browser mallory = new Browser(path -> ServiceUrls.local(service, path));
        var landing = signInAnswered(mallory, nonce -> forged.token(ENV.idp, nonce));
        assertEquals("/settings/integrations", landing.uri().getPath());
        assertEquals("sign-in=failed", landing.uri().getQuery());
        assertEquals(401, mallory.get("/api/integrations/jira-dc/account").statusCode(), "no session");
        assertFalse(ItLogs.linesContaining("Sign-in failed: The identity provider's ID token is not valid: ").stream()
                .filter(line -> line.contains(forged.because)).toList().isEmpty(), "the log says: " + forged.because);
    }

    /**
     * A token naming a key the provider does not have makes the service read the provider's keys again once (the
     * provider may have rotated them); a flood of such tokens does not become a flood of requests to the provider.
     */
    @Test
    void anUnknownKeyIdReadsTheProvidersKeysOnceAndAFloodOfThemDoesNotHammerTheProvider() throws Exception {
        signedIn("sub-" + unique(), "kim-" + unique() + "@example.com", List.of());
        int before = ENV.idp.keyReads();
        Browser mallory = new Browser(path -> ServiceUrls.local(service, path));
        RSAKey attacker = new RSAKeyGenerator(2048).generate();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(ENV.idp.issuerUrl()).subject("sub-mallory")
                .audience("openhands-jira-dc").expirationTime(new java.util.Date(System.currentTimeMillis() + 600_000))
                .claim("email", "victim-admin@example.com").claim("email_verified", true);
        var first = signInAnswered(mallory, nonce -> signed(new RSAKey.Builder(attacker).keyID("rotated-in").build(),
                claims.claim("nonce", nonce).build()));
        assertEquals("sign-in=failed", first.uri().getQuery());
        assertEquals(1, ENV.idp.keyReads() - before, "the keys are read again once");
        assertFalse(ItLogs.linesContaining("the provider has no RS256 signing key rotated-in.").isEmpty());

        for (int i = 0; i < 10; i++) {
            var landing = signInAnswered(mallory,
                    nonce -> signed(new RSAKey.Builder(attacker).keyID("unknown-" + unique()).build(),
                            claims.claim("nonce", nonce).build()));
            assertEquals("sign-in=failed", landing.uri().getQuery());
        }
        // twice per 30 s at most (IdTokens): ten sign-ins of a second or less may reach into the next 30 s, not further
        int reads = ENV.idp.keyReads() - before;
        assertTrue(reads <= 3, "read " + reads + " times for 11 unknown keys");
        assertEquals(401, mallory.get("/api/integrations/jira-dc/account").statusCode());
        signedIn("sub-" + unique(), "lee-" + unique() + "@example.com", List.of());
    }
}
