package dev.openhands.jiradc.accounts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** A person known to this service: created at their first sign-in, identified by the provider's subject. */
@Entity
@Table(name = "account")
@NamedQuery(name = Account.BY_SUBJECT, query = "select a from Account a where a.subject = :subject")
@NamedQuery(name = Account.BY_EMAIL, query = "select a from Account a where a.emailLower = :email")
public class Account {

    public static final String BY_SUBJECT = "Account.bySubject";
    public static final String BY_EMAIL = "Account.byEmail";
    public static final String API_KEY_PURPOSE = "account.openhands-api-key";
    public static final String MANAGED_API_KEY_PURPOSE = "account.openhands-managed-api-key";

    @Id
    private String id;

    @Column(nullable = false, unique = true)
    private String subject;

    @Column(nullable = false)
    private String email;

    @Column(name = "email_lower", nullable = false)
    private String emailLower;

    @Column(name = "display_name")
    private String displayName;

    @Column(name = "openhands_api_key_sealed", length = 2048)
    private String openHandsApiKeySealed;

    /** Who the person is in OpenHands: the ID token claim {@code openhands.user-id-claim} at their latest sign-in. */
    @Column(name = "openhands_user_id")
    private String openHandsUserId;

    /** The API key OpenHands issued for the person to this service (service-to-service mode), sealed. */
    @Column(name = "openhands_managed_key_sealed", length = 2048)
    private String managedApiKeySealed;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_sign_in_at", nullable = false)
    private Instant lastSignInAt;

    protected Account() {
    }

    public Account(String subject, String email, String displayName, Optional<String> openHandsUserId) {
        this.id = UUID.randomUUID().toString();
        this.subject = subject;
        this.createdAt = Instant.now();
        signedIn(email, displayName, openHandsUserId);
    }

    /** Each sign-in refreshes what the identity provider says about the person. */
    public void signedIn(String email, String displayName, Optional<String> openHandsUserId) {
        this.email = email;
        this.emailLower = normalise(email);
        this.displayName = displayName;
        this.lastSignInAt = Instant.now();
        if (!openHandsUserId.equals(openHandsUserId())) {
            // a key issued to another OpenHands user is no longer theirs
            this.managedApiKeySealed = null;
        }
        this.openHandsUserId = openHandsUserId.orElse(null);
    }

    public static String normalise(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    public void storeOpenHandsApiKey(String sealed) {
        this.openHandsApiKeySealed = sealed;
    }

    public void removeOpenHandsApiKey() {
        this.openHandsApiKeySealed = null;
    }

    public boolean hasOpenHandsApiKey() {
        return openHandsApiKeySealed != null;
    }

    public Optional<String> sealedOpenHandsApiKey() {
        return Optional.ofNullable(openHandsApiKeySealed);
    }

    /**
     * Whether an OpenHands user is this person: the same email, or, for a user OpenHands knows no email of (signed up
     * through a Git provider), the same id as this person's sign-in named.
     */
    public boolean isOpenHandsUser(String id, Optional<String> email) {
        return email.map(address -> normalise(address).equals(emailLower))
                .orElseGet(() -> openHandsUserId().filter(id::equals).isPresent());
    }

    public Optional<String> openHandsUserId() {
        return Optional.ofNullable(openHandsUserId);
    }

    public void cacheManagedApiKey(String sealed) {
        this.managedApiKeySealed = sealed;
    }

    public Optional<String> sealedManagedApiKey() {
        return Optional.ofNullable(managedApiKeySealed);
    }

    public String id() {
        return id;
    }

    public String subject() {
        return subject;
    }

    public String email() {
        return email;
    }

    public String displayName() {
        return displayName != null ? displayName : email;
    }
}
