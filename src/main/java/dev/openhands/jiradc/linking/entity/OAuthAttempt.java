package dev.openhands.jiradc.linking.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One "Connect" click: the OAuth {@code state} bound to the account that clicked, the PKCE verifier
 * (sealed), and how it ended. A state is good for ten minutes and one callback.
 */
@Entity
@Table(name = "oauth_attempt")
@NamedQuery(name = OAuthAttempt.CLAIM, query = "update OAuthAttempt a set a.finishedAt = :now"
        + " where a.state = :state and a.finishedAt is null")
@NamedQuery(name = OAuthAttempt.LATEST, query = "select a from OAuthAttempt a where a.accountId = :accountId"
        + " and a.outcome is not null order by a.finishedAt desc")
@NamedQuery(name = OAuthAttempt.LATEST_OF_ANYONE, query = "select a from OAuthAttempt a where a.outcome is not null"
        + " order by a.finishedAt desc")
@NamedQuery(name = OAuthAttempt.PRUNE, query = "delete from OAuthAttempt a where a.createdAt < :before")
public class OAuthAttempt {

    public static final String CLAIM = "OAuthAttempt.claim";
    public static final String LATEST = "OAuthAttempt.latest";
    public static final String LATEST_OF_ANYONE = "OAuthAttempt.latestOfAnyone";
    public static final String PRUNE = "OAuthAttempt.prune";
    public static final String VERIFIER_PURPOSE = "oauth-attempt.code-verifier";
    public static final Duration LIFETIME = Duration.ofMinutes(10);

    @Id
    private String state;

    @Column(name = "account_id", nullable = false)
    private String accountId;

    @Column(name = "code_verifier_sealed", length = 512)
    private String codeVerifierSealed;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Enumerated(EnumType.STRING)
    private LinkOutcome outcome;

    @Column(length = 1000)
    private String message;

    protected OAuthAttempt() {
    }

    public OAuthAttempt(String state, String accountId, String codeVerifierSealed, Instant now) {
        this.state = state;
        this.accountId = accountId;
        this.codeVerifierSealed = codeVerifierSealed;
        this.createdAt = now;
        this.expiresAt = now.plus(LIFETIME);
    }

    /** A failed callback that matched no attempt of this account, recorded so the account sees what happened. */
    public static OAuthAttempt failedWithoutState(String id, String accountId, LinkOutcome outcome, String message,
            Instant now) {
        OAuthAttempt attempt = new OAuthAttempt(id, accountId, null, now);
        attempt.finish(outcome, message, now);
        return attempt;
    }

    public boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public void finish(LinkOutcome outcome, String message, Instant now) {
        this.outcome = outcome;
        this.message = message;
        this.finishedAt = now;
        this.codeVerifierSealed = null;
    }

    public String state() {
        return state;
    }

    public String accountId() {
        return accountId;
    }

    public Optional<String> sealedCodeVerifier() {
        return Optional.ofNullable(codeVerifierSealed);
    }

    public Optional<LinkOutcome> outcome() {
        return Optional.ofNullable(outcome);
    }

    public String message() {
        return message;
    }

    public Instant finishedAt() {
        return finishedAt;
    }
}
