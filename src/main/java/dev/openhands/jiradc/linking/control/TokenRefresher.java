package dev.openhands.jiradc.linking.control;

import dev.openhands.jiradc.jira.boundary.Jira;
import dev.openhands.jiradc.jira.entity.JiraCallFailed;
import dev.openhands.jiradc.jira.entity.JiraTokens;
import dev.openhands.jiradc.linking.entity.JiraLink;
import dev.openhands.jiradc.linking.entity.LinkMethod;
import dev.openhands.jiradc.platform.ProcessingContext;
import dev.openhands.jiradc.secrets.boundary.Secrets;
import dev.openhands.jiradc.settings.entity.Secret;
import dev.openhands.jiradc.settings.entity.SettingsKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * A usable access token for a link, refreshed shortly before it expires. Jira rotates refresh
 * tokens, so two refreshes of one link must never race: the link's row is locked for the refresh,
 * across threads and app server instances; whoever waits finds the fresh token and uses it.
 */
@ApplicationScoped
public class TokenRefresher {

    static final Duration MARGIN = Duration.ofSeconds(60);
    private static final String INVALID_GRANT = "invalid_grant";
    private static final Logger LOG = ProcessingContext.logger(TokenRefresher.class);
    private static final int LOCK_TIMEOUT_MILLIS = 30_000;

    @PersistenceContext
    EntityManager em;

    @Inject
    Secrets secrets;

    @Inject
    Jira jira;

    private final Clock clock = Clock.systemUTC();

    /** @return empty when the account has no OAuth link with tokens; throws JiraCallFailed when Jira refuses */
    @Transactional(value = Transactional.TxType.REQUIRES_NEW, dontRollbackOn = JiraCallFailed.class)
    public Optional<Secret> accessToken(String accountId) {
        Optional<JiraLink> found = em.createNamedQuery(JiraLink.BY_ACCOUNT, JiraLink.class)
                .setParameter("accountId", accountId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", LOCK_TIMEOUT_MILLIS)
                .getResultStream().findFirst()
                .filter(link -> link.method() == LinkMethod.OAUTH && link.sealedRefreshToken().isPresent());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        JiraLink link = found.get();
        if (link.accessTokenValidFor(MARGIN, clock.instant())) {
            return Optional
                    .of(Secret.of(secrets.open(JiraLink.ACCESS_TOKEN_PURPOSE, link.sealedAccessToken().orElseThrow())));
        }
        JiraTokens fresh;
        try {
            fresh = jira.refresh(
                    Secret.of(secrets.open(JiraLink.REFRESH_TOKEN_PURPOSE, link.sealedRefreshToken().orElseThrow())));
        } catch (JiraCallFailed e) {
            // only invalid_grant says the refresh token is dead; a throttled or failing Jira, or a mistyped client
            // secret (invalid_client), must not make everyone reconnect: the tokens are kept and the failure goes up
            if (INVALID_GRANT.equals(e.errorCode())) {
                link.broken("Jira no longer accepts the stored tokens (" + e.getMessage()
                        + "). Connect your Jira account again.");
            } else {
                LOG.warning(() -> "Jira did not refresh a user's access token, which is kept for the next try: "
                        + e.getMessage()
                        + ("invalid_client".equals(e.errorCode()) ? " Check " + SettingsKeys.OAUTH_CLIENT_ID + " and "
                                + SettingsKeys.OAUTH_CLIENT_SECRET + " against Jira's incoming application link."
                                : ""));
            }
            throw e;
        }
        link.rotated(secrets.seal(JiraLink.ACCESS_TOKEN_PURPOSE, fresh.accessToken().reveal()),
                secrets.seal(JiraLink.REFRESH_TOKEN_PURPOSE, fresh.refreshToken().reveal()), fresh.accessExpiresAt());
        return Optional.of(fresh.accessToken());
    }
}
