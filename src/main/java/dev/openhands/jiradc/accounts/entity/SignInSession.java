package dev.openhands.jiradc.accounts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * A person signed in: found by the token in their browser's cookie, whichever instance they reach. The row's id is the
 * token's SHA-256 hash, never the token. Whether they are an admin is what the identity provider said at sign-in.
 */
@Entity
@Table(name = "sign_in_session")
@NamedQuery(name = SignInSession.END, query = "delete from SignInSession s where s.id = :id")
@NamedQuery(name = SignInSession.PRUNE, query = "delete from SignInSession s where s.signedInAt < :before")
public class SignInSession {

    public static final String END = "SignInSession.end";
    public static final String PRUNE = "SignInSession.prune";

    @Id
    private String id;

    @Column(name = "account_id", nullable = false)
    private String accountId;

    @Column(nullable = false)
    private boolean admin;

    @Column(name = "signed_in_at", nullable = false)
    private Instant signedInAt;

    protected SignInSession() {
    }

    public SignInSession(String token, String accountId, boolean admin, Instant signedInAt) {
        this.id = idOf(token);
        this.accountId = accountId;
        this.admin = admin;
        this.signedInAt = signedInAt;
    }

    /** The row of a cookie's token. */
    public static String idOf(String token) {
        try {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(
                            MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Absolute: however active the person was since they signed in. */
    public boolean endedBy(Instant now, Duration lifetime) {
        return !now.isBefore(signedInAt.plus(lifetime));
    }

    /** Admin calls want a sign-in more recent than this, since group membership is read only at sign-in. */
    public boolean signedInLongerAgoThan(Duration duration, Instant now) {
        return signedInAt.plus(duration).isBefore(now);
    }

    public String accountId() {
        return accountId;
    }

    public boolean admin() {
        return admin;
    }

    public Instant signedInAt() {
        return signedInAt;
    }
}
