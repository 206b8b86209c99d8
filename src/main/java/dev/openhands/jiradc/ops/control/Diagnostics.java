package dev.openhands.jiradc.ops.control;

import dev.openhands.jiradc.accounts.boundary.Accounts;
import dev.openhands.jiradc.accounts.entity.Account;
import dev.openhands.jiradc.connections.boundary.Connections;
import dev.openhands.jiradc.jira.boundary.Jira;
import dev.openhands.jiradc.jira.entity.JiraCallFailed;
import dev.openhands.jiradc.linking.boundary.Links;
import dev.openhands.jiradc.openhands.boundary.OpenHandsService;
import dev.openhands.jiradc.ops.control.TroubleshootingChecks.AttemptFacts;
import dev.openhands.jiradc.ops.control.TroubleshootingChecks.ConnectionFacts;
import dev.openhands.jiradc.ops.control.TroubleshootingChecks.DeliveryFacts;
import dev.openhands.jiradc.ops.control.TroubleshootingChecks.JiraProbe;
import dev.openhands.jiradc.ops.control.TroubleshootingChecks.LinkFacts;
import dev.openhands.jiradc.ops.control.TroubleshootingChecks.Refusal;
import dev.openhands.jiradc.ops.entity.Check;
import dev.openhands.jiradc.settings.boundary.SettingsProducer;
import dev.openhands.jiradc.settings.entity.IntegrationSettings;
import dev.openhands.jiradc.settings.entity.SettingsKeys;
import dev.openhands.jiradc.webhooks.boundary.DeliveryHistory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * The troubleshooting panel: gathers the facts (the settings as deployed and as configured now, one
 * call to Jira with the service account's PAT, in service-to-service mode one call to OpenHands with the service key,
 * connections, refusals, the delivery log, links) and
 * lets {@link TroubleshootingChecks} judge them, one check per row of the product's troubleshooting table.
 */
@ApplicationScoped
public class Diagnostics {

    private static final Logger LOG = Logger.getLogger(Diagnostics.class.getName());
    public static final int RECENT_DELIVERIES = 10;

    /** The checks, and the recent deliveries they were judged on. */
    public record Report(List<Check> checks, List<DeliveryFacts> recentDeliveries) {
    }

    @Inject
    IntegrationSettings settings;

    @Inject
    SettingsProducer settingsProducer;

    @Inject
    Jira jira;

    @Inject
    Connections connections;

    @Inject
    DeliveryHistory deliveries;

    @Inject
    Links links;

    @Inject
    Accounts accounts;

    @Inject
    OpenHandsService openHandsService;

    private final Clock clock = Clock.systemUTC();

    public Report run() {
        JiraProbe probe = probeJira();
        List<DeliveryFacts> recent = deliveries.recent(RECENT_DELIVERIES).stream()
                .map(d -> new DeliveryFacts(d.receivedAt(), d.webhookEvent(), d.issueKey(), d.actor(), d.outcome(),
                        d.result()))
                .toList();
        List<Check> checks = new ArrayList<>(List.of(
                TroubleshootingChecks.integration(settings,
                        TroubleshootingChecks.changedSinceDeployment(settings, settingsProducer.configuredNow())),
                TroubleshootingChecks.baseUrl(settings),
                TroubleshootingChecks.serviceAccount(settings, probe),
                TroubleshootingChecks.jiraReachable(settings, probe),
                TroubleshootingChecks.oauthCallback(settings, links.lastAttemptOfAnyone()
                        .map(a -> new AttemptFacts(a.outcome().orElseThrow(), a.message(), a.finishedAt()))),
                TroubleshootingChecks.webhook(settings, connections()),
                TroubleshootingChecks.signatureFailures(deliveries.refusedOnThisInstance().stream()
                        .map(r -> new Refusal(r.reason(), r.count(), r.lastAt())).toList(), clock.instant()),
                TroubleshootingChecks.deliveries(settings, recent),
                TroubleshootingChecks.usersLinked(settings, links.all().stream()
                        .map(l -> new LinkFacts(l.jiraName(), accounts.byId(l.accountId()).map(Account::email),
                                l.brokenReason()))
                        .toList())));
        if (settings.managesApiKeys()) {
            checks.add(4, TroubleshootingChecks.openHandsServiceKey(openHandsService.check()));
        }
        return new Report(List.copyOf(checks), recent);
    }

    private List<ConnectionFacts> connections() {
        return connections.all().stream()
                .map(c -> new ConnectionFacts(c.id(), c.setup().code(), c.active(), c.activatedAt(),
                        c.lastDeliveryAt(), settings.appUrl().map(c::eventsUrl).orElse("")))
                .toList();
    }

    private JiraProbe probeJira() {
        if (settings.jiraBaseUrl().isEmpty()) {
            return JiraProbe.notAsked(SettingsKeys.BASE_URL + " is not valid.");
        }
        if (settings.serviceAccountPat().isEmpty()) {
            return JiraProbe.notAsked(SettingsKeys.SERVICE_ACCOUNT_PAT + " is not set.");
        }
        try {
            return JiraProbe.answered(jira.myself(settings.serviceAccountPat().get()));
        } catch (JiraCallFailed e) {
            LOG.info(() -> "Troubleshooting: asking Jira who the service account is failed: " + e.getMessage());
            return JiraProbe.failed(e);
        }
    }
}
