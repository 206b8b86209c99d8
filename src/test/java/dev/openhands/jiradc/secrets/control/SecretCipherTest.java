package dev.openhands.jiradc.secrets.control;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class SecretCipherTest {

    final SecretCipher cipher = new SecretCipher(SecretCipher.generateKey());

    @Test
    void sealedValueOpensWithTheSameKeyAndPurpose() {
        String sealed = cipher.encrypt("account.api-key", "sk-oh-123 ünïcödé");
        assertTrue(sealed.startsWith("v1:"));
        assertFalse(sealed.contains("sk-oh-123"));
        assertEquals("sk-oh-123 ünïcödé", cipher.decrypt("account.api-key", sealed));
    }

    @Test
    void sameValueSealsDifferentlyEachTime() {
        assertNotEquals(cipher.encrypt("p", "value"), cipher.encrypt("p", "value"));
    }

    @Test
    void anotherKeyCannotOpen() {
        String sealed = cipher.encrypt("p", "value");
        var other = new SecretCipher(SecretCipher.generateKey());
        var e = assertThrows(SecretCipher.UndecryptableSecret.class, () -> other.decrypt("p", sealed));
        assertTrue(e.getMessage().contains("another secrets.key"));
    }

    @Test
    void valueMovedToAnotherPurposeDoesNotOpen() {
        String sealed = cipher.encrypt("link.refresh-token", "value");
        assertThrows(SecretCipher.UndecryptableSecret.class, () -> cipher.decrypt("account.api-key", sealed));
    }

    @Test
    void alteredValueDoesNotOpen() {
        String sealed = cipher.encrypt("p", "value");
        char last = sealed.charAt(sealed.length() - 3);
        String altered = sealed.substring(0, sealed.length() - 3) + (last == 'A' ? 'B' : 'A')
                + sealed.substring(sealed.length() - 2);
        assertThrows(SecretCipher.UndecryptableSecret.class, () -> cipher.decrypt("p", altered));
        assertThrows(SecretCipher.UndecryptableSecret.class, () -> cipher.decrypt("p", "v1:AAAA"));
        assertThrows(SecretCipher.UndecryptableSecret.class, () -> cipher.decrypt("p", "plaintext"));
    }

    @Test
    void aUrlSafeValueNeedsNoEscapingAndOpensOnlyWithTheSameKeyAndPurpose() {
        String sealed = cipher.encryptUrlSafe("sign-in.pending", "{\"state\":\"abc\"}");
        assertTrue(sealed.matches("[A-Za-z0-9_-]+"), sealed);
        assertEquals("{\"state\":\"abc\"}", cipher.decryptUrlSafe("sign-in.pending", sealed));
        assertThrows(SecretCipher.UndecryptableSecret.class, () -> cipher.decryptUrlSafe("account.api-key", sealed));
        assertThrows(SecretCipher.UndecryptableSecret.class,
                () -> new SecretCipher(SecretCipher.generateKey()).decryptUrlSafe("sign-in.pending", sealed));
        assertThrows(SecretCipher.UndecryptableSecret.class,
                () -> cipher.decryptUrlSafe("sign-in.pending", "not+base64url="));
        assertThrows(SecretCipher.UndecryptableSecret.class, () -> cipher.decryptUrlSafe("sign-in.pending", "AAAA"));
    }

    @Test
    void keysOfWrongLengthAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SecretCipher(new byte[10]));
    }
}
