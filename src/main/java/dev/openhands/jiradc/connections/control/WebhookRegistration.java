package dev.openhands.jiradc.connections.control;

import static dev.openhands.jiradc.platform.Jsons.JSON;

import dev.openhands.jiradc.accounts.boundary.SignedInUser;
import dev.openhands.jiradc.audit.boundary.Audit;
import dev.openhands.jiradc.audit.entity.AuditAction;
import dev.openhands.jiradc.audit.entity.AuditEvent;
import dev.openhands.jiradc.connections.boundary.Connections;
import dev.openhands.jiradc.connections.entity.Connection;
import dev.openhands.jiradc.connections.entity.Connection.Setup;
import dev.openhands.jiradc.jira.boundary.JiraWebhooks;
import dev.openhands.jiradc.jira.entity.JiraCallFailed;
import dev.openhands.jiradc.jira.entity.JiraWebhook;
import dev.openhands.jiradc.secrets.boundary.Pkce;
import dev.openhands.jiradc.secrets.boundary.Secrets;
import dev.openhands.jiradc.settings.entity.IntegrationSettings;
import dev.openhands.jiradc.settings.entity.Secret;
import dev.openhands.jiradc.settings.entity.SettingsKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Registers this service with Jira: automatically through Jira's webhook API with an admin's PAT
 * (used for the one call, never kept), or by hand from generated details. A Jira call that fails
 * rolls the whole change back.
 */
@ApplicationScoped
@Transactional
public class WebhookRegistration {

    /** A connection with its signing secret in plain text, for the one answer that shows it. */
    public record WithSecret(Connection connection, String secret) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Secrets secrets;

    @Inject
    JiraWebhooks webhooks;

    @Inject
    Connections connections;

    @Inject
    IntegrationSettings settings;

    /** Each admin action is recorded in its transaction, by the admin's login (their email). */
    @Inject
    Audit audit;

    @Inject
    SignedInUser admin;

    private final Clock clock = Clock.systemUTC();

    public List<Connection> all() {
        return em.createNamedQuery(Connection.ALL, Connection.class).getResultList();
    }

    public Connection find(String id) {
        Connection connection = id == null ? null : em.find(Connection.class, id);
        if (connection == null) {
            throw new NotFoundException("There is no connection " + id + ".");
        }
        return connection;
    }

    /** The automatic connection, and the name its webhook has in Jira. */
    public record Installed(Connection connection, String webhookName) {

        /** Another webhook held the usual name, so this one was given another. */
        public boolean renamed() {
            return !webhookName.equals(Connection.WEBHOOK_NAME);
        }
    }

    /**
     * Creates or updates the global webhook "OpenHands" for the automatic connection, which it creates the first time.
     */
    public Installed installAutomatically(Secret adminPat) {
        Connection connection = em.createNamedQuery(Connection.BY_SETUP, Connection.class)
                .setParameter("setup", Setup.AUTOMATIC)
                .getResultStream().reduce((first, later) -> later)
                .orElseGet(() -> persist(new Connection(Setup.AUTOMATIC, seal(newSecret()), clock.instant())));
        String name = register(adminPat, connection, secretOf(connection));
        connection.activate(clock.instant());
        connections.forget(connection.id());
        recorded(AuditAction.WEBHOOK_INSTALLED, connection, "automatic setup: the global webhook '" + name + "'"
                + connection.jiraWebhookId().map(id -> " (id " + id + ")").orElse("") + " in Jira");
        return new Installed(connection, name);
    }

    public WithSecret generateManual() {
        String secret = newSecret();
        Connection connection = persist(new Connection(Setup.MANUAL, seal(secret), clock.instant()));
        recorded(AuditAction.WEBHOOK_INSTALLED, connection,
                "manual setup: details generated, inactive until activated");
        return new WithSecret(connection, secret);
    }

    /** The manual details again, with the secret: shown only to admins, and recorded. */
    public WithSecret manualDetails(String id) {
        Connection connection = find(id);
        recorded(AuditAction.WEBHOOK_SECRET_SHOWN, connection, "manual details shown");
        return new WithSecret(connection, secretOf(connection));
    }

    public String secretOf(Connection connection) {
        return secrets.open(Connection.SECRET_PURPOSE, connection.sealedSecret());
    }

    /** "I created the webhook". */
    public Connection activate(String id) {
        Connection connection = find(id);
        connection.activate(clock.instant());
        connections.forget(id);
        recorded(AuditAction.WEBHOOK_ACTIVATED, connection, "activated");
        return connection;
    }

    /**
     * A new secret; the old one stays valid for the configured grace. An automatic connection's
     * Jira webhook gets the new secret at once, which needs an admin's PAT.
     */
    public WithSecret rotateSecret(String id, Optional<Secret> adminPat) {
        Connection connection = find(id);
        String secret = newSecret();
        Instant now = clock.instant();
        connection.rotate(seal(secret), now, now.plus(settings.secretRotationGrace()));
        connections.forget(id);
        if (connection.setup() == Setup.AUTOMATIC) {
            register(adminPat.orElseThrow(() -> new MissingAdminPat("rotate the secret of an automatic connection")),
                    connection, secret);
        }
        recorded(AuditAction.WEBHOOK_SECRET_ROTATED, connection, "secret rotated; the previous one accepted until "
                + now.plus(settings.secretRotationGrace()));
        return new WithSecret(connection, secret);
    }

    /** Deletes the connection's Jira webhook; the connection then accepts no more deliveries. */
    public Connection uninstall(String id, Secret adminPat) {
        Connection connection = find(id);
        String url = connection.eventsUrl(appUrl());
        asAdmin(() -> {
            List<JiraWebhook> installed = webhooks.list(adminPat);
            ours(installed, connection, url).ifPresent(webhook -> webhooks.delete(adminPat, webhook.id()));
            return null;
        });
        connection.deactivate();
        connections.forget(id);
        recorded(AuditAction.WEBHOOK_UNINSTALLED, connection, "the webhook deleted in Jira; deliveries refused");
        return connection;
    }

    private void recorded(AuditAction action, Connection connection, String outcome) {
        audit.record(AuditEvent.of(action, admin.account().email()).connection(connection.id())
                .outcome(connection.setup() + ": " + outcome));
    }

    /** @return the webhook's name in Jira */
    private String register(Secret adminPat, Connection connection, String secret) {
        return asAdmin(() -> registerAs(adminPat, connection, secret));
    }

    private String registerAs(Secret adminPat, Connection connection, String secret) {
        String url = connection.eventsUrl(appUrl());
        List<JiraWebhook> installed = webhooks.list(adminPat);
        Optional<JiraWebhook> existing = ours(installed, connection, url);
        String name = existing.map(JiraWebhook::name).orElseGet(() -> freeName(installed, connection));
        JsonObject body = JSON.createObjectBuilder()
                .add("name", name)
                .add("url", url)
                .add("events", JSON.createArrayBuilder(Connection.EVENTS))
                .add("active", true)
                .add("scopeType", "global")
                .add("configuration", JSON.createObjectBuilder().add("SECRET", secret).add("EXCLUDE_BODY", "false"))
                .build();
        JiraWebhook saved = existing.isPresent() ? webhooks.update(adminPat, existing.get().id(), body)
                : webhooks.create(adminPat, body);
        connection.installedAs(saved.id().isEmpty() ? existing.map(JiraWebhook::id).orElse(null) : saved.id());
        return name;
    }

    /**
     * This connection's webhook in Jira: by the id it was installed as, or by its URL. Never by name: a webhook someone
     * else named "OpenHands" (another installation's, or an impostor's) is not ours to take over.
     */
    private static Optional<JiraWebhook> ours(List<JiraWebhook> installed, Connection connection, String url) {
        return installed.stream().filter(w -> connection.jiraWebhookId().filter(w.id()::equals).isPresent()).findFirst()
                .or(() -> installed.stream().filter(w -> w.url().equals(url)).findFirst());
    }

    /** "OpenHands", unless another webhook holds that name: then one that names this connection. */
    private static String freeName(List<JiraWebhook> installed, Connection connection) {
        boolean taken = installed.stream().anyMatch(w -> w.name().equals(Connection.WEBHOOK_NAME));
        return taken ? Connection.WEBHOOK_NAME + " (" + connection.id() + ")" : Connection.WEBHOOK_NAME;
    }

    private URI appUrl() {
        return settings.appUrl()
                .orElseThrow(() -> new IllegalStateException(SettingsKeys.APP_URL + " is not configured"));
    }

    private Connection persist(Connection connection) {
        em.persist(connection);
        return connection;
    }

    private String seal(String secret) {
        return secrets.seal(Connection.SECRET_PURPOSE, secret);
    }

    private static String newSecret() {
        return Pkce.randomToken();
    }

    /**
     * Jira refusing the admin PAT is the admin's input being wrong (400), in words they can act on; Jira failing
     * otherwise is left to {@code JiraErrorMappers} (502).
     */
    private static <T> T asAdmin(Supplier<T> jiraCalls) {
        try {
            return jiraCalls.get();
        } catch (JiraCallFailed e) {
            if (e.kind() != JiraCallFailed.Kind.REFUSED) {
                throw e;
            }
            throw new BadRequestException(switch (e.status()) {
                case 401 ->
                    "Jira did not accept this PAT (401): it is wrong, expired or revoked. Create a new one in Jira"
                            + " under Profile > Personal Access Tokens and try again.";
                case 403 -> "This PAT's Jira user may not manage global webhooks (403). Use a short-lived PAT of a Jira"
                        + " administrator who can create webhooks.";
                default -> e.getMessage();
            }, e);
        }
    }

    public static class MissingAdminPat extends BadRequestException {
        public MissingAdminPat(String what) {
            super("A short-lived Jira admin PAT is needed to " + what + "; paste it in 'adminPat'.");
        }
    }
}
