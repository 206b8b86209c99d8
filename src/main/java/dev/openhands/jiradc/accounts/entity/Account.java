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

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_sign_in_at", nullable = false)
    private Instant lastSignInAt;

    protected Account() {
    }

    public Account(String subject, String email, String displayName) {
        this.id = UUID.randomUUID().toString();
        this.subject = subject;
        this.createdAt = Instant.now();
        signedIn(email, displayName);
    }

    /** Each sign-in refreshes what the identity provider says about the person. */
    public void signedIn(String email, String displayName) {
        this.email = email;
        this.emailLower = normalise(email);
        this.displayName = displayName;
        this.lastSignInAt = Instant.now();
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
