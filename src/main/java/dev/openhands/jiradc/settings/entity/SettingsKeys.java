package dev.openhands.jiradc.settings.entity;

/** The MicroProfile Config keys of the Admin Console values. */
public final class SettingsKeys {

    public static final String ENABLED = "jira-dc.enabled";
    public static final String LINKING_METHOD = "jira-dc.linking-method";
    public static final String SERVICE_ACCOUNT_EMAIL = "jira-dc.service-account.email";
    public static final String SERVICE_ACCOUNT_PAT = "jira-dc.service-account.pat";
    public static final String BASE_URL = "jira-dc.base-url";
    public static final String OAUTH_CLIENT_ID = "jira-dc.oauth.client-id";
    public static final String OAUTH_CLIENT_SECRET = "jira-dc.oauth.client-secret";
    public static final String TRUSTED_CA = "jira-dc.trusted-ca";
    public static final String TRIGGER_LABEL = "jira-dc.trigger.label";
    public static final String MAX_WEBHOOK_BODY = "jira-dc.webhook.max-body-bytes";
    public static final String DELIVERY_LOG_RETENTION = "jira-dc.delivery-log.retention";
    public static final String AUDIT_RETENTION = "jira-dc.audit.retention";
    public static final String MAX_ATTEMPTS = "jira-dc.processing.max-attempts";
    public static final String PROCESSING_LEASE = "jira-dc.processing.lease";
    public static final String FIRST_RETRY = "jira-dc.processing.first-retry";
    public static final String JOB_POLL_INTERVAL = "jira-dc.jobs.poll-interval";
    public static final String JOB_MAX_POLL_INTERVAL = "jira-dc.jobs.max-poll-interval";
    public static final String JOB_STALE_AFTER = "jira-dc.jobs.stale-after";
    public static final String JOB_LINK_WAIT = "jira-dc.jobs.link-wait";
    public static final String PULL_REQUEST_URL = "jira-dc.jobs.pull-request-url";
    public static final String SECRET_ROTATION_GRACE = "jira-dc.webhook.secret-rotation-grace";
    public static final String APP_URL = "openhands.app-url";
    public static final String API_URL = "openhands.api-url";
    public static final String WEB_URL = "openhands.web-url";
    public static final String SERVICE_API_KEY = "openhands.service-api-key";
    public static final String ORG_ID = "openhands.org-id";
    public static final String USER_ID_CLAIM = "openhands.user-id-claim";
    public static final String GIT_HOSTS = "openhands.git-hosts";
    public static final String SECRETS_KEY = "secrets.key";
    public static final String METRICS_TOKEN = "ops.metrics.token";
    public static final String METRICS_NETWORKS = "ops.metrics.networks";
    public static final String DEV_MODE = "service.dev-mode";
    public static final String OIDC_PROVIDER_URI = "oidc.provider-uri";
    public static final String OIDC_CLIENT_ID = "oidc.client-id";
    public static final String OIDC_CLIENT_SECRET = "oidc.client-secret";
    public static final String OIDC_GROUPS_CLAIM = "oidc.groups-claim";
    public static final String OIDC_ADMIN_GROUP = "oidc.admin-group";
    public static final String OIDC_TRUST_UNSAID_EMAIL_VERIFIED = "oidc.trust-email-without-verified-claim";
    public static final String OIDC_SESSION_LIFETIME = "oidc.session-lifetime";
    public static final String OIDC_ADMIN_REAUTHENTICATE_AFTER = "oidc.admin-reauthenticate-after";

    private SettingsKeys() {
    }
}
