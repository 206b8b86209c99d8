package dev.openhands.jiradc.secrets.control;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HKDF with HMAC-SHA-256 (RFC 5869): keys for separate uses derived from one configured key. */
public final class KeyDerivation {

    private static final String HMAC = "HmacSHA256";
    private static final int HASH_BYTES = 32;

    private KeyDerivation() {
    }

    /** @param info what the derived key is for: another {@code info} gives an unrelated key */
    public static byte[] hkdfSha256(byte[] inputKey, byte[] salt, byte[] info, int length) {
        if (length <= 0 || length > 255 * HASH_BYTES) {
            throw new IllegalArgumentException("HKDF-SHA-256 makes 1 to " + 255 * HASH_BYTES + " bytes");
        }
        byte[] pseudoRandomKey = hmac(salt.length == 0 ? new byte[HASH_BYTES] : salt, inputKey);
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        byte[] block = new byte[0];
        for (int counter = 1; output.size() < length; counter++) {
            byte[] input = Arrays.copyOf(block, block.length + info.length + 1);
            System.arraycopy(info, 0, input, block.length, info.length);
            input[input.length - 1] = (byte) counter;
            block = hmac(pseudoRandomKey, input);
            output.writeBytes(block);
        }
        return Arrays.copyOf(output.toByteArray(), length);
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is missing from this JDK", e);
        }
    }
}
