package dev.openhands.jiradc.linking.entity;

import dev.openhands.jiradc.jira.entity.JiraUser;
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
import java.util.UUID;

/**
 * One Jira user linked to one account. In OAuth mode it holds the user's tokens, sealed; Jira
 * rotates them on every refresh, so a refresh replaces both at once.
 */
@Entity
@Table(name = "jira_link")
@NamedQuery(name = JiraLink.BY_ACCOUNT, query = "select l from JiraLink l where l.accountId = :accountId")
@NamedQuery(name = JiraLink.BY_JIRA_KEY, query = "select l from JiraLink l where l.jiraKey = :jiraKey")
@NamedQuery(name = JiraLink.ALL, query = "select l from JiraLink l order by l.linkedAt desc")
public class JiraLink {

    public static final String BY_ACCOUNT = "JiraLink.byAccount";
    public static final String BY_JIRA_KEY = "JiraLink.byJiraKey";
    public static final String ALL = "JiraLink.all";
    public static final String ACCESS_TOKEN_PURPOSE = "jira-link.access-token";
    public static final String REFRESH_TOKEN_PURPOSE = "jira-link.refresh-token";

    @Id
    private String id;

    @Column(name = "account_id", nullable = false, unique = true)
    private String accountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private LinkMethod method;

    @Column(name = "jira_key", nullable = false, unique = true)
    private String jiraKey;

    @Column(name = "jira_name", nullable = false)
    private String jiraName;

    @Column(name = "jira_email")
    private String jiraEmail;

    @Column(name = "jira_display_name")
    private String jiraDisplayName;

    @Column(name = "access_token_sealed", length = 4096)
    private String accessTokenSealed;

    @Column(name = "refresh_token_sealed", length = 4096)
    private String refreshTokenSealed;

    @Column(name = "access_expires_at")
    private Instant accessExpiresAt;

    @Column(name = "linked_at", nullable = false)
    private Instant linkedAt;

    @Column(name = "refreshed_at")
    private Instant refreshedAt;

    @Column(name = "broken_reason", length = 1000)
    private String brokenReason;

    protected JiraLink() {
    }

    private JiraLink(String accountId, LinkMethod method, JiraUser user) {
        this.id = UUID.randomUUID().toString();
        this.accountId = accountId;
        this.method = method;
        this.linkedAt = Instant.now();
        describe(user);
    }

    public static JiraLink byOAuth(String accountId, JiraUser user, String sealedAccess, String sealedRefresh,
            Instant expiresAt) {
        JiraLink link = new JiraLink(accountId, LinkMethod.OAUTH, user);
        link.rotated(sealedAccess, sealedRefresh, expiresAt);
        return link;
    }

    public static JiraLink byEmail(String accountId, JiraUser user) {
        return new JiraLink(accountId, LinkMethod.EMAIL, user);
    }

    /** Jira says who the user is now: their name, email or display name may have changed since. */
    public void describe(JiraUser user) {
        this.jiraKey = user.key();
        this.jiraName = user.name();
        this.jiraEmail = user.emailAddress().orElse(null);
        this.jiraDisplayName = user.displayName();
    }

    public boolean accessTokenValidFor(Duration margin, Instant now) {
        return accessTokenSealed != null && accessExpiresAt != null && accessExpiresAt.isAfter(now.plus(margin));
    }

    /** Stores a new token pair from Jira, replacing both old tokens. */
    public void rotated(String sealedAccess, String sealedRefresh, Instant expiresAt) {
        this.accessTokenSealed = sealedAccess;
        this.refreshTokenSealed = sealedRefresh;
        this.accessExpiresAt = expiresAt;
        this.refreshedAt = Instant.now();
        this.brokenReason = null;
    }

    /** Jira no longer honours the tokens: they are dropped, and the person must connect again. */
    public void broken(String reason) {
        this.accessTokenSealed = null;
        this.refreshTokenSealed = null;
        this.accessExpiresAt = null;
        this.brokenReason = reason;
    }

    public String id() {
        return id;
    }

    public String accountId() {
        return accountId;
    }

    public LinkMethod method() {
        return method;
    }

    public String jiraKey() {
        return jiraKey;
    }

    public String jiraName() {
        return jiraName;
    }

    public Optional<String> jiraEmail() {
        return Optional.ofNullable(jiraEmail);
    }

    public String jiraDisplayName() {
        return jiraDisplayName != null ? jiraDisplayName : jiraName;
    }

    public Optional<String> sealedAccessToken() {
        return Optional.ofNullable(accessTokenSealed);
    }

    public Optional<String> sealedRefreshToken() {
        return Optional.ofNullable(refreshTokenSealed);
    }

    public Optional<Instant> accessExpiresAt() {
        return Optional.ofNullable(accessExpiresAt);
    }

    public Instant linkedAt() {
        return linkedAt;
    }

    public Optional<String> brokenReason() {
        return Optional.ofNullable(brokenReason);
    }
}
