package dev.openhands.jiradc.settings.entity;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Admin Console values, read once at start-up and validated. When {@link #problems()} is not
 * empty the integration is misconfigured: it says so in readiness and on the settings page, and
 * values that failed validation are absent here.
 */
public record IntegrationSettings(
        boolean enabled,
        LinkingMethod linkingMethod,
        Optional<String> serviceAccountEmail,
        Optional<Secret> serviceAccountPat,
        Optional<URI> jiraBaseUrl,
        Optional<String> oauthClientId,
        Optional<Secret> oauthClientSecret,
        List<X509Certificate> trustedCertificates,
        Optional<URI> appUrl,
        Optional<URI> apiUrl,
        Optional<URI> webUrl,
        Optional<ServiceKey> serviceKey,
        Map<String, GitProvider> gitHosts,
        String triggerLabel,
        Duration secretRotationGrace,
        int maxWebhookBodyBytes,
        Duration deliveryLogRetention,
        Duration auditRetention,
        RetryPolicy retryPolicy,
        JobPolicy jobPolicy,
        Duration processingLease,
        Optional<Secret> secretsKey,
        boolean devMode,
        SignIn signIn,
        MetricsAccess metricsAccess,
        List<SettingsProblem> problems) {

    /**
     * OpenID Connect sign-in against the organisation's identity provider; {@code userIdClaim} is the ID token claim
     * that holds the person's OpenHands user id. An email counts only when the token says {@code email_verified: true},
     * or says nothing of it and {@code trustEmailWithoutVerifiedClaim} is set for a provider that never does. A session
     * ends {@code sessionLifetime} after sign-in, however active; admin calls ask to sign in again after
     * {@code adminReauthenticateAfter}.
     */
    public record SignIn(Optional<URI> providerUri, Optional<String> clientId, Optional<Secret> clientSecret,
            String groupsClaim, String adminGroup, String userIdClaim, boolean trustEmailWithoutVerifiedClaim,
            Duration sessionLifetime, Duration adminReauthenticateAfter) {

        /** The ID token's subject claim, the default {@code userIdClaim}. */
        public static final String SUBJECT_CLAIM = "sub";

        public boolean configured() {
            return providerUri.isPresent() && clientId.isPresent() && clientSecret.isPresent();
        }

        /** The OpenHands user id is the subject itself. */
        public boolean userIdIsSubject() {
            return SUBJECT_CLAIM.equals(userIdClaim);
        }
    }

    /**
     * Service-to-service mode: with OpenHands' service key and the organisation, this service gets each person's
     * OpenHands API key itself, so nobody pastes one.
     */
    public record ServiceKey(Secret apiKey, String orgId) {
    }

    /**
     * How often and how patiently a trigger is tried when Jira or OpenHands fail: doubling delays, at most 10 minutes.
     */
    public record RetryPolicy(int maxAttempts, Duration firstRetry) {

        public Duration delayAfter(int attempt) {
            Duration delay = firstRetry.multipliedBy(1L << Math.min(16, Math.max(0, attempt - 1)));
            return delay.compareTo(Duration.ofMinutes(10)) > 0 ? Duration.ofMinutes(10) : delay;
        }

        public boolean lastAttempt(int attempt) {
            return attempt >= maxAttempts;
        }
    }

    /**
     * How a started job is followed: checked after {@code pollInterval}, each check that finds nothing new doubling
     * the wait up to {@code maxPollInterval}; no news for {@code staleAfter} makes it stale. {@code pullRequestUrl}
     * is a template with {@code {repository}} and {@code {number}} for Git hosts other than the public ones.
     * The job's follower says "I'm on it" with the conversation's link as soon as OpenHands names the conversation, and
     * without it once {@code linkWait} has passed since OpenHands was asked.
     */
    public record JobPolicy(Duration pollInterval, Duration maxPollInterval, Duration staleAfter,
            Optional<String> pullRequestUrl, Duration linkWait) {
    }

    public static final String CALLBACK_PATH = "/integration/jira-dc/callback";

    public IntegrationSettings {
        trustedCertificates = List.copyOf(trustedCertificates);
        gitHosts = Map.copyOf(gitHosts);
        problems = List.copyOf(problems);
    }

    public boolean misconfigured() {
        return !problems.isEmpty();
    }

    /**
     * Whether this service gets people's OpenHands API keys itself (a service key is configured) rather than asking
     * them for one.
     */
    public boolean managesApiKeys() {
        return serviceKey.isPresent();
    }

    /** The mention that asks for OpenHands in a comment, {@code @openhands} by default. */
    public String mention() {
        return "@" + triggerLabel;
    }

    /** The redirect URL to register in Jira's incoming application link, when the app URL is known. */
    public Optional<String> oauthCallbackUrl() {
        return appUrl.map(url -> url + CALLBACK_PATH);
    }
}
