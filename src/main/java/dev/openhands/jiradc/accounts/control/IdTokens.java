package dev.openhands.jiradc.accounts.control;

import static dev.openhands.jiradc.platform.Jsons.JSON;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Resource;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies the OpenID Connect ID tokens (signed JWTs) of one provider with Nimbus JOSE+JWT: the signature with the
 * provider's published keys (RS256/384/512 or ES256/384 only: never {@code none}, never an HMAC keyed with a public
 * key), then issuer, audience, expiry and not-before (with {@link #CLOCK_SKEW}) and this sign-in's nonce.
 *
 * <p>The keys are read from the provider's {@code jwks_uri} through the given client (this service's trusted CAs and
 * timeouts), kept for {@link #KEYS_KEPT}, and read again for a key id not among them, as providers rotate keys; but
 * not more than twice every {@link #KEYS_READ_AT_MOST}: a flood of tokens naming unknown keys does not become a flood
 * of requests to the provider.
 */
public final class IdTokens {

    static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.ES256, JWSAlgorithm.ES384);
    static final Duration CLOCK_SKEW = Duration.ofMinutes(2);
    static final Duration KEYS_KEPT = Duration.ofMinutes(5);
    static final Duration KEYS_READ_AT_MOST = Duration.ofSeconds(30);

    private final String issuer;
    private final String clientId;
    private final Clock clock;
    private final JWSVerificationKeySelector<SecurityContext> keySelector;

    /**
     * @param http the client every call to the provider goes through (its trusted CAs and connect timeout)
     * @param timeout how long reading the keys may take
     */
    public IdTokens(URI jwksUri, HttpClient http, Duration timeout, String issuer, String clientId, Clock clock) {
        this.issuer = issuer;
        this.clientId = clientId;
        this.clock = clock;
        JWKSource<SecurityContext> keys = JWKSourceBuilder
                .<SecurityContext>create(url(jwksUri), url -> read(http, url, timeout))
                .cache(KEYS_KEPT.toMillis(), timeout.multipliedBy(2).toMillis())
                // a refresh ahead of time runs on a thread of its own, which an application server does not manage
                .refreshAheadCache(false)
                .rateLimited(KEYS_READ_AT_MOST.toMillis())
                .build();
        this.keySelector = new JWSVerificationKeySelector<>(ALGORITHMS, keys);
    }

    /** The token's claims, as the provider wrote them; or {@link InvalidIdToken} saying why it is not valid. */
    public JsonObject verify(String token, String nonce) {
        JWT jwt;
        try {
            jwt = JWTParser.parse(token);
        } catch (ParseException e) {
            throw new InvalidIdToken("it is not a signed JWT");
        }
        if (!(jwt instanceof SignedJWT signed)) {
            throw new InvalidIdToken("it is not signed (alg " + jwt.getHeader().getAlgorithm() + ")");
        }
        JWSAlgorithm algorithm = signed.getHeader().getAlgorithm();
        if (!ALGORITHMS.contains(algorithm)) {
            throw new InvalidIdToken("it is signed with " + algorithm + ", which this service does not accept");
        }
        try {
            processor(nonce).process(signed, null);
        } catch (BadJWSException e) {
            throw new InvalidIdToken("its signature does not match the provider's key");
        } catch (BadJWTException e) {
            throw new InvalidIdToken("its claims are refused: " + e.getMessage());
        } catch (RateLimitReachedException e) {
            throw new InvalidIdToken(
                    noSuchKey(signed) + " (its keys were read less than " + KEYS_READ_AT_MOST.toSeconds()
                            + " s ago)");
        } catch (BadJOSEException e) {
            throw new InvalidIdToken(noSuchKey(signed));
        } catch (KeySourceException e) {
            throw new InvalidIdToken("its signature cannot be checked: the provider's keys cannot be read ("
                    + Optional.ofNullable(e.getCause()).map(Throwable::getMessage).orElse(e.getMessage()) + ")");
        } catch (JOSEException e) {
            throw new InvalidIdToken("its signature cannot be checked: " + e.getMessage());
        }
        return JSON.createReader(new StringReader(signed.getPayload().toString())).readObject();
    }

    private DefaultJWTProcessor<SecurityContext> processor(String nonce) {
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(Set.of(clientId),
                new JWTClaimsSet.Builder().issuer(issuer).claim("nonce", nonce).build(), Set.of("sub", "exp"),
                Set.of()) {
            @Override
            protected Date currentTime() {
                return Date.from(clock.instant());
            }
        };
        claims.setMaxClockSkew((int) CLOCK_SKEW.toSeconds());
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(keySelector);
        processor.setJWTClaimsSetVerifier(claims);
        return processor;
    }

    private static String noSuchKey(SignedJWT token) {
        return "the provider has no " + token.getHeader().getAlgorithm() + " signing key "
                + Optional.ofNullable(token.getHeader().getKeyID()).orElse("(the token names none)");
    }

    /** A claim's value as text: a string as it is, a number as written; empty when absent, blank or of another type. */
    public static Optional<String> textClaim(JsonObject claims, String name) {
        JsonValue value = claims.get(name);
        if (value instanceof JsonString text) {
            return Optional.of(text.getString()).filter(s -> !s.isBlank());
        }
        return value instanceof JsonNumber number ? Optional.of(number.toString()) : Optional.empty();
    }

    private static Resource read(HttpClient http, URL url, Duration timeout) throws IOException {
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(url.toURI()).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IOException("its jwks_uri " + url + " is not an http(s) address", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading " + url);
        } catch (IOException e) {
            throw new IOException("cannot reach " + url + ": " + e.getClass().getSimpleName(), e);
        }
        if (response.statusCode() != 200) {
            throw new IOException("it answered " + response.statusCode() + " at " + url);
        }
        return new Resource(response.body(), response.headers().firstValue("Content-Type").orElse(null));
    }

    private static URL url(URI uri) {
        try {
            return uri.toURL();
        } catch (java.net.MalformedURLException | IllegalArgumentException e) {
            throw new InvalidIdToken("the provider's jwks_uri " + uri + " is not an address");
        }
    }

    public static final class InvalidIdToken extends RuntimeException {
        InvalidIdToken(String reason) {
            super("The identity provider's ID token is not valid: " + reason + ".");
        }
    }
}
