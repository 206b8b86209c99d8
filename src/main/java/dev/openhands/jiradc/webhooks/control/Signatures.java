package dev.openhands.jiradc.webhooks.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** {@code X-Hub-Signature: sha256=<hex>}: HMAC-SHA256 of the raw body, compared in constant time. */
public final class Signatures {

    public static final String HEADER = "X-Hub-Signature";
    private static final Pattern FORMAT = Pattern.compile("sha256=[0-9a-fA-F]{64}");

    private Signatures() {
    }

    /** The signature's bytes, or empty when the header is missing or not {@code sha256=} and 64 hex digits. */
    public static Optional<byte[]> parse(String header) {
        if (header == null || !FORMAT.matcher(header.trim()).matches()) {
            return Optional.empty();
        }
        return Optional.of(HexFormat.of().parseHex(header.trim().substring("sha256=".length())));
    }

    /** Whether any of the secrets signed this body; every secret is checked, so timing says nothing. */
    public static boolean signedByAny(byte[] body, byte[] signature, List<String> secrets) {
        boolean matched = false;
        for (String secret : secrets) {
            matched |= MessageDigest.isEqual(hmac(body, secret), signature);
        }
        return matched;
    }

    static byte[] hmac(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
