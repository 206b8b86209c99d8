package dev.openhands.jiradc.openhands.boundary;

import dev.openhands.jiradc.openhands.entity.ServiceKeyVerdict;
import dev.openhands.jiradc.platform.ProcessingContext;
import dev.openhands.jiradc.settings.entity.IntegrationSettings;
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
 * What OpenHands last said about this service's key: checked in the background when the application starts, again
 * every hour (every minute while it is refused or unanswered), and after every call made with it, so that readiness
 * never waits for OpenHands.
 */
@ApplicationScoped
public class ServiceKeyStatus {

    private static final Logger LOG = ProcessingContext.logger(ServiceKeyStatus.class);
    private static final Duration RETRY = Duration.ofMinutes(1);
    private static final Duration REFRESH = Duration.ofHours(1);

    @Inject
    IntegrationSettings settings;

    @Inject
    OpenHandsService service;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private volatile Optional<ServiceKeyVerdict> latest = Optional.empty();
    private volatile ScheduledFuture<?> next;

    void checkAtStartup(@Observes Startup startup) {
        if (settings.enabled() && settings.managesApiKeys() && !settings.misconfigured()) {
            next = scheduler.schedule(this::check, 0, TimeUnit.SECONDS);
        }
    }

    void check() {
        ServiceKeyVerdict verdict = service.check();
        next = scheduler.schedule(this::check,
                (verdict.state() == ServiceKeyVerdict.State.ACCEPTED ? REFRESH : RETRY).toSeconds(),
                TimeUnit.SECONDS);
    }

    void saw(@Observes ServiceKeyVerdict verdict) {
        ServiceKeyVerdict.State before = latest.map(ServiceKeyVerdict::state).orElse(null);
        latest = Optional.of(verdict);
        if (verdict.state() != before && verdict.state() != ServiceKeyVerdict.State.ACCEPTED) {
            LOG.warning(() -> "The OpenHands service key: " + verdict.detail()
                    + verdict.fix().map(fix -> " " + fix).orElse(""));
        } else if (verdict.state() != before) {
            LOG.info(() -> "The OpenHands service key: " + verdict.detail());
        }
    }

    public Optional<ServiceKeyVerdict> latest() {
        return latest;
    }

    @PreDestroy
    void stop() {
        if (next != null) {
            next.cancel(false);
        }
    }
}
