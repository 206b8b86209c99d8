package dev.openhands.jiradc.linking.control;

import dev.openhands.jiradc.audit.boundary.Audit;
import dev.openhands.jiradc.audit.entity.AuditAction;
import dev.openhands.jiradc.audit.entity.AuditEvent;
import dev.openhands.jiradc.jira.boundary.Jira;
import dev.openhands.jiradc.jira.entity.JiraCallFailed;
import dev.openhands.jiradc.jira.entity.JiraTokens;
import dev.openhands.jiradc.jira.entity.JiraUser;
import dev.openhands.jiradc.linking.entity.JiraLink;
import dev.openhands.jiradc.linking.entity.LinkOutcome;
import dev.openhands.jiradc.linking.entity.OAuthAttempt;
import dev.openhands.jiradc.platform.ProcessingContext;
import dev.openhands.jiradc.secrets.boundary.Pkce;
import dev.openhands.jiradc.secrets.boundary.Secrets;
import dev.openhands.jiradc.settings.entity.SettingsKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

/** The OAuth 2.0 authorization code flow with Jira, from "Connect" to a stored link. */
@ApplicationScoped
@Transactional
public class OAuthLinking {

    private static final Logger LOG = ProcessingContext.logger(OAuthLinking.class);
    private static final Duration KEEP_ATTEMPTS = Duration.ofDays(30);

    public record Result(LinkOutcome outcome, String message) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Audit audit;

    @Inject
    Secrets secrets;

    @Inject
    Jira jira;

    private final Clock clock = Clock.systemUTC();

    /** Records a new attempt for the account and returns where to send the person in Jira. */
    public URI start(String accountId) {
        Instant now = clock.instant();
        em.createNamedQuery(OAuthAttempt.PRUNE).setParameter("before", now.minus(KEEP_ATTEMPTS)).executeUpdate();
        String state = Pkce.randomToken();
        String verifier = Pkce.randomToken();
        em.persist(new OAuthAttempt(state, accountId, secrets.seal(OAuthAttempt.VERIFIER_PURPOSE, verifier), now));
        return jira.authorizeUrl(state, Pkce.challenge(verifier));
    }

    /**
     * Handles Jira's redirect back. The state must be one this account started, not used before and
     * not older than ten minutes; then the code is exchanged (with the PKCE verifier) and the link stored.
     */
    public Result complete(Optional<String> signedInAccount, String state, String code, String error,
            String errorDescription) {
        Instant now = clock.instant();
        OAuthAttempt attempt = state == null || state.isBlank() ? null : em.find(OAuthAttempt.class, state);
        if (attempt == null) {
            return recordForCaller(signedInAccount, LinkOutcome.STATE_UNKNOWN, now);
        }
        if (signedInAccount.isPresent() && !signedInAccount.get().equals(attempt.accountId())) {
            claim(state, now);
            return recordForCaller(signedInAccount, LinkOutcome.WRONG_ACCOUNT, now);
        }
        if (!claim(state, now)) {
            return recordForCaller(Optional.of(attempt.accountId()), LinkOutcome.STATE_REPLAYED, now);
        }
        Result result = signedInAccount.isEmpty() ? result(LinkOutcome.NOT_SIGNED_IN, "")
                : attempt.expired(now) ? result(LinkOutcome.STATE_EXPIRED, "")
                        : error != null && !error.isBlank() ? jiraError(error, errorDescription)
                                : code == null || code.isBlank()
                                        ? result(LinkOutcome.FAILED, "Jira sent no authorization code back.")
                                        : link(attempt, code);
        attempt.finish(result.outcome(), result.message(), now);
        LOG.info(() -> "Jira account connection for account " + attempt.accountId() + ": " + result.outcome().code());
        return result;
    }

    private boolean claim(String state, Instant now) {
        return em.createNamedQuery(OAuthAttempt.CLAIM).setParameter("state", state).setParameter("now", now)
                .executeUpdate() == 1;
    }

    private Result link(OAuthAttempt attempt, String code) {
        String verifier = secrets.open(OAuthAttempt.VERIFIER_PURPOSE, attempt.sealedCodeVerifier().orElseThrow());
        JiraTokens tokens;
        JiraUser user;
        try {
            tokens = jira.exchangeCode(code, verifier);
            user = jira.myself(tokens.accessToken());
        } catch (JiraCallFailed e) {
            return failure(e);
        }
        Optional<JiraLink> taken = em.createNamedQuery(JiraLink.BY_JIRA_KEY, JiraLink.class)
                .setParameter("jiraKey", user.key()).getResultStream()
                .filter(link -> !link.accountId().equals(attempt.accountId())).findFirst();
        if (taken.isPresent()) {
            return result(LinkOutcome.JIRA_ACCOUNT_TAKEN, "The Jira account " + user.name()
                    + " is already connected to another OpenHands account; disconnect it there first, or ask an"
                    + " administrator.");
        }
        em.createNamedQuery(JiraLink.BY_ACCOUNT, JiraLink.class).setParameter("accountId", attempt.accountId())
                .getResultStream().forEach(em::remove);
        em.flush();
        em.persist(JiraLink.byOAuth(attempt.accountId(), user,
                secrets.seal(JiraLink.ACCESS_TOKEN_PURPOSE, tokens.accessToken().reveal()),
                secrets.seal(JiraLink.REFRESH_TOKEN_PURPOSE, tokens.refreshToken().reveal()),
                tokens.accessExpiresAt()));
        audit.record(AuditEvent.of(AuditAction.ACCOUNT_LINKED, user.name())
                .outcome("linked by OAuth to account " + attempt.accountId()));
        return result(LinkOutcome.CONNECTED,
                "Connected to Jira Data Center as " + user.displayName() + " (" + user.name() + ").");
    }

    private Result jiraError(String error, String description) {
        String said = error + (description == null || description.isBlank() ? "" : " (" + description + ")");
        if (error.equals("access_denied")) {
            return result(LinkOutcome.ACCESS_DENIED, "");
        }
        if (mentionsRedirect(said)) {
            return result(LinkOutcome.CALLBACK_MISMATCH, "Jira said: " + said + ".");
        }
        return result(LinkOutcome.TOKEN_REFUSED, "Jira said: " + said + ".");
    }

    private Result failure(JiraCallFailed e) {
        return switch (e.kind()) {
            case TLS -> result(LinkOutcome.TLS_FAILURE, e.getMessage());
            case UNREACHABLE -> result(LinkOutcome.JIRA_UNREACHABLE, e.getMessage());
            case REFUSED, FAILED -> mentionsRedirect(e.getMessage())
                    ? result(LinkOutcome.CALLBACK_MISMATCH, e.getMessage())
                    : result(LinkOutcome.TOKEN_REFUSED, e.getMessage());
        };
    }

    private static boolean mentionsRedirect(String text) {
        return text.toLowerCase(Locale.ROOT).contains("redirect");
    }

    private Result recordForCaller(Optional<String> account, LinkOutcome outcome, Instant now) {
        Result result = result(outcome, "");
        account.ifPresent(id -> em
                .persist(OAuthAttempt.failedWithoutState(Pkce.randomToken(), id, outcome, result.message(), now)));
        return result;
    }

    /** The message a person sees for an outcome: what happened, then what to do. */
    private Result result(LinkOutcome outcome, String detail) {
        String again = " Click Connect to try again.";
        String message = switch (outcome) {
            case CONNECTED, FAILED, JIRA_ACCOUNT_TAKEN -> detail;
            case ACCESS_DENIED -> "You declined access in Jira, so your Jira account is not connected." + again;
            case STATE_UNKNOWN -> "This connection request was not started here, or it was cleaned up." + again;
            case STATE_EXPIRED -> "The connection request expired: it must be completed within 10 minutes." + again;
            case STATE_REPLAYED -> "This connection request was already used; each one works once." + again;
            case WRONG_ACCOUNT -> "This connection request was started by another OpenHands user. Sign in as yourself."
                    + again;
            case NOT_SIGNED_IN ->
                "Your OpenHands session ended while you were in Jira. Sign in, then click Connect again.";
            case TOKEN_REFUSED ->
                "Jira refused to issue a token. " + detail + " Check that " + SettingsKeys.OAUTH_CLIENT_ID
                        + " and " + SettingsKeys.OAUTH_CLIENT_SECRET + " match Jira's application link." + again;
            case CALLBACK_MISMATCH -> "Jira does not accept this service's callback URL. " + detail + " In Jira, open"
                    + " Administration > Applications > Application links, edit the OpenHands link and set its redirect"
                    + " URL to exactly " + jira.callbackUrl() + "." + again;
            case JIRA_UNREACHABLE, TLS_FAILURE -> detail + again;
        };
        return new Result(outcome, message.trim());
    }
}
