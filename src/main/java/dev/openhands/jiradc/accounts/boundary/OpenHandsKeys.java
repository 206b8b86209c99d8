package dev.openhands.jiradc.accounts.boundary;

import dev.openhands.jiradc.accounts.entity.Account;
import dev.openhands.jiradc.openhands.boundary.OpenHandsService;
import dev.openhands.jiradc.openhands.entity.ApiKeyNotIssued;
import dev.openhands.jiradc.openhands.entity.ApiKeyRefused;
import dev.openhands.jiradc.platform.ProcessingContext;
import dev.openhands.jiradc.settings.entity.IntegrationSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * The OpenHands API key that work for a person is done with: the one they pasted or, in service-to-service mode
 * ({@code openhands.service-api-key}), the one OpenHands issues to this service for them, kept sealed on their account
 * and fetched again once when OpenHands refuses it.
 */
@ApplicationScoped
public class OpenHandsKeys {

    private static final Logger LOG = ProcessingContext.logger(OpenHandsKeys.class);

    @Inject
    Accounts accounts;

    @Inject
    OpenHandsService service;

    @Inject
    IntegrationSettings settings;

    /**
     * The key to use now: empty when the person has pasted none; in service-to-service mode the kept one, or one got
     * from OpenHands now.
     *
     * @throws ApiKeyNotIssued when OpenHands gives none for the person (service-to-service mode)
     */
    public Optional<String> current(String accountId) {
        if (!settings.managesApiKeys()) {
            return accounts.openHandsApiKey(accountId);
        }
        Optional<String> kept = accounts.managedApiKey(accountId);
        return kept.isPresent() ? kept : Optional.of(fetch(accountId));
    }

    /** {@link #using(String, String, Function)} with the current key; none pasted counts as refused. */
    public <T> T using(String accountId, Function<String, T> work) {
        return using(accountId,
                current(accountId).orElseThrow(() -> new ApiKeyRefused("No OpenHands API key is stored.")), work);
    }

    /**
     * Does the work with the key. In service-to-service mode, when OpenHands refuses it, the key is fetched again once
     * and the work done again with the new one; the work must be safe to repeat after a refused call.
     *
     * @throws ApiKeyNotIssued (REFUSED) in service-to-service mode when OpenHands refuses the fetched key too
     */
    public <T> T using(String accountId, String apiKey, Function<String, T> work) {
        try {
            return work.apply(apiKey);
        } catch (ApiKeyRefused refused) {
            if (!settings.managesApiKeys()) {
                throw refused;
            }
            String fresh = fetch(accountId);
            LOG.info(() -> "OpenHands refused the API key it had issued for this person; asked again, it gave "
                    + (fresh.equals(apiKey) ? "the same one" : "a new one"));
            if (fresh.equals(apiKey)) {
                throw refusedAgain(refused);
            }
            try {
                return work.apply(fresh);
            } catch (ApiKeyRefused again) {
                throw refusedAgain(again);
            }
        }
    }

    public void run(String accountId, String apiKey, Consumer<String> work) {
        using(accountId, apiKey, key -> {
            work.accept(key);
            return null;
        });
    }

    private String fetch(String accountId) {
        Account account = accounts.byId(accountId)
                .orElseThrow(() -> new IllegalArgumentException("no account " + accountId));
        String key = service.apiKeyOf(userIdOf(account));
        accounts.cacheManagedApiKey(accountId, key);
        return key;
    }

    /**
     * The claim kept at sign-in; the subject itself when that is the claim (accounts from before the claim was kept).
     */
    private String userIdOf(Account account) {
        String claim = settings.signIn().userIdClaim();
        return account.openHandsUserId()
                .or(() -> settings.signIn().userIdIsSubject() ? Optional.of(account.subject()) : Optional.empty())
                .orElseThrow(() -> new ApiKeyNotIssued(ApiKeyNotIssued.Reason.USER_ID_UNKNOWN,
                        "The OpenHands user id of "
                                + account.email() + " is not known: the ID token of their latest sign-in had no claim '"
                                + claim + "'."));
    }

    private static ApiKeyNotIssued refusedAgain(ApiKeyRefused refused) {
        return new ApiKeyNotIssued(ApiKeyNotIssued.Reason.REFUSED,
                "OpenHands does not accept the API key it issued for this"
                        + " person, even asked for it again: " + refused.getMessage());
    }
}
