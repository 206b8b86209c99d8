package dev.openhands.jiradc.accounts.boundary;

import dev.openhands.jiradc.accounts.entity.Account;
import dev.openhands.jiradc.secrets.boundary.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** The accounts of people who signed in, for the other components. */
@ApplicationScoped
@Transactional
public class Accounts {

    @PersistenceContext
    EntityManager em;

    @Inject
    Secrets secrets;

    /** The account of this identity, created at its first sign-in and refreshed at every later one. */
    public Account signIn(String subject, String email, String displayName, Optional<String> openHandsUserId) {
        Optional<Account> known = bySubject(subject);
        if (known.isPresent()) {
            known.get().signedIn(email, displayName, openHandsUserId);
            return known.get();
        }
        Account account = new Account(subject, email, displayName, openHandsUserId);
        em.persist(account);
        return account;
    }

    public Optional<Account> bySubject(String subject) {
        return em.createNamedQuery(Account.BY_SUBJECT, Account.class).setParameter("subject", subject)
                .getResultStream().findFirst();
    }

    public Optional<Account> byId(String id) {
        return Optional.ofNullable(em.find(Account.class, id));
    }

    /** Accounts with this email, compared case-insensitively; more than one means the email is ambiguous. */
    public List<Account> byEmail(String email) {
        return em.createNamedQuery(Account.BY_EMAIL, Account.class).setParameter("email", Account.normalise(email))
                .getResultList();
    }

    public void storeOpenHandsApiKey(String accountId, String apiKey) {
        account(accountId).storeOpenHandsApiKey(secrets.seal(Account.API_KEY_PURPOSE, apiKey));
    }

    public void removeOpenHandsApiKey(String accountId) {
        account(accountId).removeOpenHandsApiKey();
    }

    /** The account's OpenHands API key in plain text, for the one call that sends it to OpenHands. */
    public Optional<String> openHandsApiKey(String accountId) {
        return account(accountId).sealedOpenHandsApiKey().map(sealed -> secrets.open(Account.API_KEY_PURPOSE, sealed));
    }

    /** Keeps the API key OpenHands issued for the person to this service (service-to-service mode), sealed. */
    public void cacheManagedApiKey(String accountId, String apiKey) {
        account(accountId).cacheManagedApiKey(secrets.seal(Account.MANAGED_API_KEY_PURPOSE, apiKey));
    }

    /** That key in plain text, for the one call that sends it to OpenHands. */
    public Optional<String> managedApiKey(String accountId) {
        return account(accountId).sealedManagedApiKey()
                .map(sealed -> secrets.open(Account.MANAGED_API_KEY_PURPOSE, sealed));
    }

    private Account account(String id) {
        return byId(id).orElseThrow(() -> new IllegalArgumentException("no account " + id));
    }
}
