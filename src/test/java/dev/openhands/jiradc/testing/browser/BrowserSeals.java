package dev.openhands.jiradc.testing.browser;

import dev.openhands.jiradc.secrets.control.KeyDerivation;
import dev.openhands.jiradc.secrets.control.SecretCipher;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opens and seals what the service gives browsers to keep, with the deployment's {@code secrets.key}, as the service
 * does: for a test that presents such a value as it would be after minutes the test cannot wait for. A test using it
 * should also show a value it sealed being taken, or a change of the derivation would pass it unseen.
 */
public final class BrowserSeals {

    private final SecretCipher cipher;

    public BrowserSeals(String secretsKey) {
        this.cipher = new SecretCipher(KeyDerivation.hkdfSha256(Base64.getDecoder().decode(secretsKey), new byte[0],
                "openhands-jira-dc values kept by browsers".getBytes(StandardCharsets.US_ASCII), 32));
    }

    public String open(String purpose, String sealed) {
        return cipher.decryptUrlSafe(purpose, sealed);
    }

    public String seal(String purpose, String plaintext) {
        return cipher.encryptUrlSafe(purpose, plaintext);
    }
}
