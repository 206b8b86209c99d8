package dev.openhands.jiradc.secrets.control;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-GCM with a random 96-bit nonce per value. The stored form is {@code v1:<base64(nonce|ciphertext|tag)>}.
 * The purpose (for example {@code account.api-key}) is bound in as associated data, so a value
 * copied into another column does not decrypt there.
 */
public class SecretCipher {

    private static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    public SecretCipher(byte[] key) {
        if (key.length != 16 && key.length != 24 && key.length != 32) {
            throw new IllegalArgumentException("an AES key has 16, 24 or 32 bytes");
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    public static byte[] generateKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    public String encrypt(String purpose, String plaintext) {
        return PREFIX + Base64.getEncoder().encodeToString(seal(purpose, plaintext));
    }

    /** @throws UndecryptableSecret when the value was sealed with another key or purpose, or was altered */
    public String decrypt(String purpose, String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            throw new UndecryptableSecret("not a value sealed by this service");
        }
        try {
            return open(purpose, Base64.getDecoder().decode(stored.substring(PREFIX.length())));
        } catch (IllegalArgumentException e) {
            throw new UndecryptableSecret("the stored value is not valid base64");
        }
    }

    /** As {@link #encrypt}, in base64url without padding: a value that goes into a cookie or a URL unescaped. */
    public String encryptUrlSafe(String purpose, String plaintext) {
        return BASE64URL.encodeToString(seal(purpose, plaintext));
    }

    /** @throws UndecryptableSecret when the value was sealed with another key or purpose, or was altered */
    public String decryptUrlSafe(String purpose, String sealed) {
        try {
            return open(purpose, Base64.getUrlDecoder().decode(sealed));
        } catch (IllegalArgumentException e) {
            throw new UndecryptableSecret("the value is not valid base64url");
        }
    }

    private byte[] seal(String purpose, String plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, purpose);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    private String open(String purpose, byte[] bytes) {
        if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new UndecryptableSecret("the stored value is too short");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, java.util.Arrays.copyOf(bytes, NONCE_BYTES), purpose);
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new UndecryptableSecret("it was sealed with another secrets.key, or altered");
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String purpose) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    public static final class UndecryptableSecret extends RuntimeException {
        public UndecryptableSecret(String reason) {
            super("cannot decrypt a stored secret: " + reason);
        }
    }
}
