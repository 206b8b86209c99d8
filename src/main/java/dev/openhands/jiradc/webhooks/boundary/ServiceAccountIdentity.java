package dev.openhands.jiradc.webhooks.boundary;

import dev.openhands.jiradc.jira.boundary.Jira;
import dev.openhands.jiradc.jira.entity.JiraCallFailed;
import dev.openhands.jiradc.jira.entity.JiraUser;
import dev.openhands.jiradc.platform.ProcessingContext;
import dev.openhands.jiradc.settings.entity.IntegrationSettings;
import dev.openhands.jiradc.webhooks.entity.ServiceAccount;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Who the service account is in Jira: its email is configured; its name and key are asked of Jira
 * ({@code /rest/api/2/myself} with its PAT) in the background, retried until Jira answers and
 * refreshed every few hours, so that receiving a webhook never waits for Jira.
 */
@ApplicationScoped
public class ServiceAccountIdentity {

    private static final Logger LOG = ProcessingContext.logger(ServiceAccountIdentity.class);
    private static final Duration RETRY = Duration.ofMinutes(1);
    private static final Duration REFRESH = Duration.ofHours(6);

    @Inject
    IntegrationSettings settings;

    @Inject
    Jira jira;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private volatile ServiceAccount current;
    private volatile Optional<String> refusal = Optional.empty();
    private volatile ScheduledFuture<?> next;

    void learnAtStartup(@Observes Startup startup) {
        current = new ServiceAccount(settings.serviceAccountEmail().orElse(""), Optional.empty(), Optional.empty());
        if (settings.enabled() && !settings.misconfigured()) {
            next = scheduler.schedule(this::learn, 0, TimeUnit.SECONDS);
        }
    }

    public ServiceAccount current() {
        return current;
    }

    void learn() {
        Duration again = REFRESH;
        try {
            JiraUser me = jira.myself(settings.serviceAccountPat().orElseThrow());
            current = new ServiceAccount(current.email(), Optional.of(me.name()), Optional.of(me.key()));
            refusal = Optional.empty();
            LOG.info(() -> "The Jira service account is " + me.name() + " (" + me.key() + ")");
        } catch (JiraCallFailed e) {
            again = RETRY;
            if (e.status() == 401 || e.status() == 403) {
                refused(e.getMessage());
            }
            LOG.warning(() -> "Cannot learn the service account's Jira name yet, trying again in a minute: "
                    + e.getMessage());
        }
        next = scheduler.schedule(this::learn, again.toSeconds(), TimeUnit.SECONDS);
    }

    /** Jira refused the service account's PAT (401/403): nothing can be read or said on issues until it is fixed. */
    public void refused(String reason) {
        refusal = Optional.of(reason);
    }

    public Optional<String> refusal() {
        return refusal;
    }

    @PreDestroy
    void stop() {
        if (next != null) {
            next.cancel(false);
        }
    }
}
