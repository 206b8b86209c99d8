package dev.openhands.jiradc.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The baselines' signature check: {@code X-Hub-Signature: sha256=<hex>} over the raw body, compared in constant time,
 * with the secret from the server's system property {@value #SECRET_PROPERTY}.
 */
final class BaselineSignature {

    static final String SECRET_PROPERTY = "bench.baseline.secret";
    static final String REFUSED = "{\"error\":\"This delivery is not accepted.\"}";
    private static final Pattern SIGNATURE = Pattern.compile("sha256=[0-9a-fA-F]{64}");
    private static final byte[] SECRET = System.getProperty(SECRET_PROPERTY, "").getBytes(StandardCharsets.UTF_8);

    private BaselineSignature() {
    }

    static boolean signs(String signature, byte[] body) {
        return signature != null && SIGNATURE.matcher(signature).matches()
                && MessageDigest.isEqual(hmac(body), HexFormat.of().parseHex(signature.substring("sha256=".length())));
    }

    private static byte[] hmac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
