package dev.openhands.jiradc.ops.control;

import static org.junit.jupiter.api.Assertions.*;

import dev.openhands.jiradc.jira.entity.JiraCallFailed;
import dev.openhands.jiradc.jira.entity.JiraUser;
import dev.openhands.jiradc.linking.entity.LinkOutcome;
import dev.openhands.jiradc.openhands.entity.ServiceKeyRefused;
import dev.openhands.jiradc.openhands.entity.ServiceKeyVerdict;
import dev.openhands.jiradc.ops.control.TroubleshootingChecks.AttemptFacts;
import dev.openhands.jiradc.ops.control.TroubleshootingChecks.ConnectionFacts;
import dev.openhands.jiradc.ops.control.TroubleshootingChecks.DeliveryFacts;
import dev.openhands.jiradc.ops.control.TroubleshootingChecks.JiraProbe;
import dev.openhands.jiradc.ops.control.TroubleshootingChecks.LinkFacts;
import dev.openhands.jiradc.ops.control.TroubleshootingChecks.Refusal;
import dev.openhands.jiradc.ops.entity.Check;
import dev.openhands.jiradc.ops.entity.Check.Status;
import dev.openhands.jiradc.settings.control.SettingsValidator;
import dev.openhands.jiradc.settings.entity.IntegrationSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each row of the troubleshooting table turns red for its cause, and only then; secrets never appear. */
class TroubleshootingChecksTest {

    static final String PAT = "NjM0MTk2OTY0NjQ5OrYyb3Ss+secret-pat";
    static final String CLIENT_SECRET = "f9a8b7c6d5e4-client-secret";
    static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

    final Map<String, String> config = new HashMap<>(Map.ofEntries(
            Map.entry("jira-dc.enabled", "true"),
            Map.entry("jira-dc.service-account.email", "openhands-bot@company.com"),
            Map.entry("jira-dc.service-account.pat", PAT),
            Map.entry("jira-dc.base-url", "https://jira.example.com"),
            Map.entry("jira-dc.oauth.client-id", "client-1"),
            Map.entry("jira-dc.oauth.client-secret", CLIENT_SECRET),
            Map.entry("openhands.app-url", "https://app.openhands.example.com"),
            Map.entry("secrets.key", "q83vEjRWeJC0zO/l0xEKXGh6jD5ARxJ0xgvVhhqZ3Zk="),
            Map.entry("oidc.provider-uri", "https://login.example.com/realms/openhands"),
            Map.entry("oidc.client-id", "openhands-jira-dc"),
            Map.entry("oidc.client-secret", CLIENT_SECRET)));

    IntegrationSettings settings() {
        return SettingsValidator.validate(key -> Optional.ofNullable(config.get(key)));
    }

    static Check noSecret(Check check) {
        String all = check.detail() + check.fix().orElse("") + check.value().orElse("");
        assertFalse(all.contains(PAT) || all.contains(CLIENT_SECRET), () -> "a secret in " + check);
        return check;
    }

    @Test
    void integrationIsOkWhenValidAndDeployedRedForInvalidValuesOrPendingChanges() {
        IntegrationSettings deployed = settings();
        assertEquals(Status.OK, noSecret(TroubleshootingChecks.integration(deployed, List.of())).status());
        assertEquals(List.of(), TroubleshootingChecks.changedSinceDeployment(deployed, settings()));

        config.put("jira-dc.service-account.pat", "another-pat");
        config.put("jira-dc.trigger.label", "ai");
        List<String> changed = TroubleshootingChecks.changedSinceDeployment(deployed, settings());
        assertEquals(List.of("jira-dc.service-account.pat", "jira-dc.trigger.label"), changed);
        Check pending = noSecret(TroubleshootingChecks.integration(deployed, changed));
        assertEquals(Status.PROBLEM, pending.status());
        assertTrue(pending.fix().orElseThrow().contains("Redeploy"));
        assertFalse(pending.detail().contains("another-pat"));

        config.remove("jira-dc.oauth.client-id");
        Check invalid = noSecret(TroubleshootingChecks.integration(settings(), List.of()));
        assertEquals(Status.PROBLEM, invalid.status());
        assertTrue(invalid.fix().orElseThrow().contains("jira-dc.oauth.client-id"), invalid.toString());
    }

    @Test
    void baseUrlWithoutSchemeIsRedAndNotCountedTwice() {
        assertEquals(Status.OK, TroubleshootingChecks.baseUrl(settings()).status());
        config.put("jira-dc.base-url", "jira.example.com");
        IntegrationSettings bad = settings();
        Check check = TroubleshootingChecks.baseUrl(bad);
        assertEquals(Status.PROBLEM, check.status());
        assertTrue(check.detail().contains("must include the scheme"), check.detail());
        assertEquals(Status.OK, TroubleshootingChecks.integration(bad, List.of()).status(),
                "the base URL has its own row");
    }

    @Test
    void serviceAccountAndReachabilityFollowWhatJiraAnswered() {
        IntegrationSettings settings = settings();
        JiraProbe bot = JiraProbe
                .answered(new JiraUser("JIRAUSER10000", "openhands", Optional.of("OpenHands-Bot@company.com"), "Bot"));
        assertEquals(Status.OK, TroubleshootingChecks.serviceAccount(settings, bot).status());
        assertEquals(Status.OK, TroubleshootingChecks.jiraReachable(settings, bot).status());

        JiraProbe someoneElse = JiraProbe
                .answered(new JiraUser("JIRAUSER1", "alice", Optional.of("alice@company.com"), "Alice"));
        assertEquals(Status.PROBLEM, TroubleshootingChecks.serviceAccount(settings, someoneElse).status());

        JiraProbe refused = JiraProbe
                .failed(new JiraCallFailed(JiraCallFailed.Kind.REFUSED, 401, "", "Jira refused the PAT (401)."));
        Check pat = noSecret(TroubleshootingChecks.serviceAccount(settings, refused));
        assertEquals(Status.PROBLEM, pat.status());
        assertTrue(pat.fix().orElseThrow().contains("openhands-bot@company.com"));
        assertEquals(Status.OK, TroubleshootingChecks.jiraReachable(settings, refused).status(), "Jira answered");

        JiraProbe tls = JiraProbe
                .failed(new JiraCallFailed(JiraCallFailed.Kind.TLS, 0, "", "Jira's TLS certificate is not trusted."));
        Check trust = TroubleshootingChecks.jiraReachable(settings, tls);
        assertEquals(Status.PROBLEM, trust.status());
        assertTrue(trust.fix().orElseThrow().contains("jira-dc.trusted-ca"));
        assertEquals(Status.UNKNOWN, TroubleshootingChecks.serviceAccount(settings, tls).status());

        JiraProbe down = JiraProbe
                .failed(new JiraCallFailed(JiraCallFailed.Kind.UNREACHABLE, 0, "", "Cannot reach Jira."));
        assertEquals(Status.PROBLEM, TroubleshootingChecks.jiraReachable(settings, down).status());
        assertEquals(Status.UNKNOWN,
                TroubleshootingChecks.jiraReachable(settings, JiraProbe.notAsked("no base URL")).status());
    }

    @Test
    void oauthCallbackShowsTheExactUrlAndIsRedWhenJiraRejectedIt() {
        IntegrationSettings settings = settings();
        String url = "https://app.openhands.example.com/integration/jira-dc/callback";
        Check none = TroubleshootingChecks.oauthCallback(settings, Optional.empty());
        assertEquals(Status.UNKNOWN, none.status());
        assertEquals(url, none.value().orElseThrow());
        assertEquals(Status.PROBLEM, TroubleshootingChecks.oauthCallback(settings, Optional.of(
                new AttemptFacts(LinkOutcome.CALLBACK_MISMATCH, "Jira does not accept the redirect URL", NOW)))
                .status());
        assertEquals(Status.PROBLEM, TroubleshootingChecks.oauthCallback(settings, Optional.of(
                new AttemptFacts(LinkOutcome.TOKEN_REFUSED, "invalid_client", NOW))).status());
        assertEquals(Status.OK, TroubleshootingChecks.oauthCallback(settings, Optional.of(
                new AttemptFacts(LinkOutcome.ACCESS_DENIED, "declined", NOW))).status(),
                "a person declining is no setup problem");
        assertEquals(Status.OK, TroubleshootingChecks.oauthCallback(settings, Optional.of(
                new AttemptFacts(LinkOutcome.CONNECTED, "ok", NOW))).status());
        config.put("jira-dc.linking-method", "email");
        assertEquals(Status.OK, TroubleshootingChecks.oauthCallback(settings(), Optional.empty()).status());
    }

    @Test
    void webhookNeedsAnActiveConnectionAndADelivery() {
        IntegrationSettings settings = settings();
        assertEquals(Status.PROBLEM, TroubleshootingChecks.webhook(settings, List.of()).status());
        ConnectionFacts inactive = new ConnectionFacts("c1", "manual", false, Optional.empty(), Optional.empty(),
                "https://x/c1");
        assertEquals(Status.PROBLEM, TroubleshootingChecks.webhook(settings, List.of(inactive)).status());
        ConnectionFacts quiet = new ConnectionFacts("c2", "manual", true, Optional.of(NOW), Optional.empty(),
                "https://x/c2");
        Check waiting = TroubleshootingChecks.webhook(settings, List.of(inactive, quiet));
        assertEquals(Status.UNKNOWN, waiting.status());
        assertEquals("https://x/c2", waiting.value().orElseThrow());
        ConnectionFacts busy = new ConnectionFacts("c3", "automatic", true, Optional.of(NOW),
                Optional.of(NOW.plusSeconds(60)), "https://x/c3");
        Check ok = TroubleshootingChecks.webhook(settings, List.of(quiet, busy));
        assertEquals(Status.OK, ok.status());
        assertTrue(ok.detail().contains(NOW.plusSeconds(60).toString()));
    }

    @Test
    void recentRefusalsAreRedOldOnesAreNot() {
        assertEquals(Status.OK, TroubleshootingChecks.signatureFailures(List.of(), NOW).status());
        Check recent = TroubleshootingChecks
                .signatureFailures(List.of(new Refusal("wrong signature", 3, NOW.minusSeconds(60))), NOW);
        assertEquals(Status.PROBLEM, recent.status());
        assertTrue(recent.detail().contains("wrong signature (3"), recent.detail());
        assertEquals(Status.OK, TroubleshootingChecks.signatureFailures(List.of(
                new Refusal("wrong signature", 3, NOW.minus(Duration.ofDays(2)))), NOW).status());
    }

    @Test
    void deliveriesSayWhyNoJobStarted() {
        IntegrationSettings settings = settings();
        assertEquals(Status.UNKNOWN, TroubleshootingChecks.deliveries(settings, List.of()).status());
        assertTrue(TroubleshootingChecks.deliveries(settings, List.of()).detail().contains("30 days"));
        DeliveryFacts noise = delivery("no trigger: the labels changed without adding openhands", null);
        assertEquals(Status.UNKNOWN, TroubleshootingChecks.deliveries(settings, List.of(noise)).status());
        DeliveryFacts notLinked = delivery("trigger: @openhands in comment 10106", "alice has not connected Jira");
        Check red = TroubleshootingChecks.deliveries(settings, List.of(noise, notLinked));
        assertEquals(Status.PROBLEM, red.status());
        assertTrue(red.detail().contains("alice has not connected Jira"), red.detail());
        DeliveryFacts started = delivery("trigger: @openhands in comment 10107", "job started in acme/web-app");
        assertEquals(Status.OK, TroubleshootingChecks.deliveries(settings, List.of(started, notLinked)).status());
        assertEquals(Status.UNKNOWN, TroubleshootingChecks.deliveries(settings,
                List.of(delivery("trigger: @openhands in comment 10108", null))).status(), "still processing");
    }

    @Test
    void usersLinkedIsRedWithNobodyOrABrokenLink() {
        IntegrationSettings settings = settings();
        assertEquals(Status.PROBLEM, TroubleshootingChecks.usersLinked(settings, List.of()).status());
        LinkFacts alice = new LinkFacts("alice", Optional.of("alice@example.com"), Optional.empty());
        Check one = TroubleshootingChecks.usersLinked(settings, List.of(alice));
        assertEquals(Status.OK, one.status());
        assertTrue(one.detail().contains("alice (alice@example.com)"));
        LinkFacts bob = new LinkFacts("bob", Optional.empty(), Optional.of("Jira refused the refresh token"));
        Check broken = TroubleshootingChecks.usersLinked(settings, List.of(alice, bob));
        assertEquals(Status.PROBLEM, broken.status());
        assertTrue(broken.detail().contains("bob"));
    }

    static DeliveryFacts delivery(String outcome, String result) {
        return new DeliveryFacts(NOW, Optional.of("comment_created"), Optional.of("WEB-1"), Optional.of("alice"),
                outcome,
                Optional.ofNullable(result));
    }

    @Test
    void theServiceKeyRowIsRedWithTheFixWhenOpenHandsRefusesTheKey() {
        Check refused = noSecret(
                TroubleshootingChecks.openHandsServiceKey(ServiceKeyVerdict.refused(new ServiceKeyRefused(
                        "OpenHands answered 401 (Invalid service API key): it does not accept this service's key.",
                        "Set the key."))));
        assertEquals(Status.PROBLEM, refused.status());
        assertEquals("openhands-service-key", refused.id());
        assertTrue(refused.detail().contains("401"), refused.detail());
        assertEquals(Optional.of("Set the key."), refused.fix());

        assertEquals(Status.OK,
                TroubleshootingChecks.openHandsServiceKey(ServiceKeyVerdict.accepted("accepted")).status());
        Check unanswered = TroubleshootingChecks
                .openHandsServiceKey(ServiceKeyVerdict.unanswered("Cannot reach OpenHands.",
                        "Check the network."));
        assertEquals(Status.UNKNOWN, unanswered.status(), "no answer proves nothing about the key");
        assertEquals("Not proven: Cannot reach OpenHands.", unanswered.detail());
    }

    @Test
    void aChangedServiceKeyOrOrganisationIsPendingUntilRedeployedWithoutShowingTheKey() {
        config.put("openhands.service-api-key", "service-key-one");
        config.put("openhands.org-id", "3fa85f64-5717-4562-b3fc-2c963f66afa6");
        IntegrationSettings deployed = settings();
        config.put("openhands.service-api-key", "service-key-two");
        config.put("openhands.user-id-claim", "openhands_id");
        List<String> changed = TroubleshootingChecks.changedSinceDeployment(deployed, settings());
        assertEquals(List.of("openhands.service-api-key", "openhands.user-id-claim"), changed);
        Check pending = TroubleshootingChecks.integration(deployed, changed);
        assertEquals(Status.PROBLEM, pending.status());
        assertFalse(pending.detail().contains("service-key-"), pending.detail());
    }
}
