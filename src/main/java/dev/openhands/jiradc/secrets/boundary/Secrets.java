package dev.openhands.jiradc.secrets.boundary;

import dev.openhands.jiradc.platform.ProcessingContext;
import dev.openhands.jiradc.secrets.control.KeyDerivation;
import dev.openhands.jiradc.secrets.control.SecretCipher;
import dev.openhands.jiradc.settings.entity.IntegrationSettings;
import dev.openhands.jiradc.settings.entity.SettingsKeys;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Encryption at rest for every secret this service stores: PATs, OAuth tokens, API keys, webhook
 * secrets. Callers name what they seal (the purpose) and keep only the sealed text. Values handed to
 * browsers to keep (cookies) are sealed too, under a key of their own derived from the same key.
 */
@ApplicationScoped
public class Secrets {

    private static final Logger LOG = ProcessingContext.logger(Secrets.class);
    private static final byte[] BROWSER_KEY_USE = "openhands-jira-dc values kept by browsers"
            .getBytes(StandardCharsets.US_ASCII);

    @Inject
    IntegrationSettings settings;

    private Optional<SecretCipher> cipher;
    private Optional<SecretCipher> browserCipher;

    @PostConstruct
    void init() {
        Optional<byte[]> key = key();
        cipher = key.map(SecretCipher::new);
        browserCipher = key
                .map(bytes -> new SecretCipher(KeyDerivation.hkdfSha256(bytes, new byte[0], BROWSER_KEY_USE, 32)));
    }

    private Optional<byte[]> key() {
        if (settings.secretsKey().isPresent()) {
            return Optional.of(Base64.getDecoder().decode(settings.secretsKey().get().reveal()));
        }
        if (settings.devMode()) {
            LOG.warning("""
                    ************************************************************************
                    * DEV MODE: no secrets.key is configured, so a throwaway key was        *
                    * generated for this run. Secrets stored now cannot be read after a     *
                    * restart. Never run like this in production: set secrets.key.          *
                    ************************************************************************""");
            return Optional.of(SecretCipher.generateKey());
        }
        return Optional.empty();
    }

    public boolean available() {
        return cipher.isPresent();
    }

    public String seal(String purpose, String plaintext) {
        return cipher().encrypt(purpose, plaintext);
    }

    /** @throws SecretCipher.UndecryptableSecret when {@code secrets.key} is not the key the value was sealed with */
    public String open(String purpose, String sealed) {
        return cipher().decrypt(purpose, sealed);
    }

    /**
     * Seals a value for a browser to keep and send back (a cookie), in URL-safe text that every instance with the same
     * {@code secrets.key} opens. Its own key: anyone may make the service seal such values as often as they like, and
     * none of that wears out the key of the stored secrets.
     */
    public String sealForBrowser(String purpose, String plaintext) {
        return cipher(browserCipher).encryptUrlSafe(purpose, plaintext);
    }

    /** @return empty when the value is not one this service sealed for that purpose with this key, or was altered */
    public Optional<String> openFromBrowser(String purpose, String sealed) {
        try {
            return Optional.of(cipher(browserCipher).decryptUrlSafe(purpose, sealed));
        } catch (SecretCipher.UndecryptableSecret e) {
            return Optional.empty();
        }
    }

    private SecretCipher cipher() {
        return cipher(cipher);
    }

    private static SecretCipher cipher(Optional<SecretCipher> cipher) {
        return cipher.orElseThrow(() -> new IllegalStateException(
                "no " + SettingsKeys.SECRETS_KEY + " is configured, so secrets cannot be stored or read"));
    }
}
