package dev.openhands.jiradc.secrets.boundary;

import dev.openhands.jiradc.platform.ProcessingContext;
import dev.openhands.jiradc.secrets.control.SecretCipher;
import dev.openhands.jiradc.settings.entity.IntegrationSettings;
import dev.openhands.jiradc.settings.entity.SettingsKeys;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Encryption at rest for every secret this service stores: PATs, OAuth tokens, API keys, webhook
 * secrets. Callers name what they seal (the purpose) and keep only the sealed text.
 */
@ApplicationScoped
public class Secrets {

    private static final Logger LOG = ProcessingContext.logger(Secrets.class);

    @Inject
    IntegrationSettings settings;

    private Optional<SecretCipher> cipher;

    @PostConstruct
    void init() {
        if (settings.secretsKey().isPresent()) {
            cipher = Optional.of(new SecretCipher(Base64.getDecoder().decode(settings.secretsKey().get().reveal())));
        } else if (settings.devMode()) {
            LOG.warning("""
                    ************************************************************************
                    * DEV MODE: no secrets.key is configured, so a throwaway key was        *
                    * generated for this run. Secrets stored now cannot be read after a     *
                    * restart. Never run like this in production: set secrets.key.          *
                    ************************************************************************""");
            cipher = Optional.of(new SecretCipher(SecretCipher.generateKey()));
        } else {
            cipher = Optional.empty();
        }
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

    private SecretCipher cipher() {
        return cipher.orElseThrow(() -> new IllegalStateException(
                "no " + SettingsKeys.SECRETS_KEY + " is configured, so secrets cannot be stored or read"));
    }
}
