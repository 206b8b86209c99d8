package dev.openhands.jiradc.settings.control;

import static dev.openhands.jiradc.settings.entity.SettingsKeys.*;

import dev.openhands.jiradc.settings.entity.GitProvider;
import dev.openhands.jiradc.settings.entity.IntegrationSettings;
import dev.openhands.jiradc.settings.entity.LinkingMethod;
import dev.openhands.jiradc.settings.entity.MetricsAccess;
import dev.openhands.jiradc.settings.entity.Secret;
import dev.openhands.jiradc.settings.entity.SettingsProblem;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns raw configuration values into {@link IntegrationSettings}, collecting one problem per
 * invalid or missing value. Messages name the key and the fix, and never contain a secret value.
 */
public class SettingsValidator {

    public static final String DEFAULT_TRIGGER_LABEL = "openhands";
    public static final String DEFAULT_ADMIN_GROUP = "openhands-admins";
    public static final String DEFAULT_USER_ID_CLAIM = IntegrationSettings.SignIn.SUBJECT_CLAIM;
    public static final Duration DEFAULT_SECRET_ROTATION_GRACE = Duration.ofHours(1);
    public static final int DEFAULT_MAX_WEBHOOK_BODY = 2 * 1024 * 1024;
    public static final Duration DEFAULT_DELIVERY_LOG_RETENTION = Duration.ofDays(30);
    public static final Duration DEFAULT_AUDIT_RETENTION = Duration.ofDays(400);
    public static final Duration DEFAULT_PROCESSING_LEASE = Duration.ofMinutes(5);
    public static final Duration DEFAULT_JOB_POLL_INTERVAL = Duration.ofSeconds(15);
    public static final Duration DEFAULT_JOB_MAX_POLL_INTERVAL = Duration.ofMinutes(5);
    public static final Duration DEFAULT_JOB_STALE_AFTER = Duration.ofHours(2);
    public static final Duration DEFAULT_JOB_LINK_WAIT = Duration.ofSeconds(20);
    public static final Duration DEFAULT_SESSION_LIFETIME = Duration.ofHours(8);
    public static final Duration DEFAULT_ADMIN_REAUTHENTICATE_AFTER = Duration.ofHours(1);

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern LABEL = Pattern.compile("[^\\s]{1,255}");
    private static final Pattern UUID = Pattern
            .compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final Function<String, Optional<String>> config;
    private final List<SettingsProblem> problems = new ArrayList<>();

    private SettingsValidator(Function<String, Optional<String>> config) {
        this.config = key -> config.apply(key).map(String::trim).filter(value -> !value.isEmpty());
    }

    /** @param config looks a key up, empty when it is not set */
    public static IntegrationSettings validate(Function<String, Optional<String>> config) {
        return new SettingsValidator(config).validate();
    }

    private IntegrationSettings validate() {
        boolean enabled = bool(ENABLED);
        boolean devMode = bool(DEV_MODE);
        LinkingMethod linking = linkingMethod();

        Optional<String> email = value(SERVICE_ACCOUNT_EMAIL).filter(this::validEmail);
        Optional<Secret> pat = secret(SERVICE_ACCOUNT_PAT);
        Optional<URI> baseUrl = url(BASE_URL, "https://jira.example.com");
        Optional<String> clientId = value(OAUTH_CLIENT_ID);
        Optional<Secret> clientSecret = secret(OAUTH_CLIENT_SECRET);
        List<X509Certificate> trustedCa = trustedCa();
        Optional<URI> appUrl = url(APP_URL, "https://app.openhands.example.com");
        Optional<URI> apiUrl = value(API_URL).isPresent() ? url(API_URL, "https://app.openhands.example.com") : appUrl;
        Optional<URI> webUrl = value(WEB_URL).isPresent() ? url(WEB_URL, "https://app.openhands.example.com") : appUrl;
        Optional<IntegrationSettings.ServiceKey> serviceKey = serviceKey();
        Map<String, GitProvider> gitHosts = gitHosts();
        String label = triggerLabel();
        Duration grace = duration(SECRET_ROTATION_GRACE, DEFAULT_SECRET_ROTATION_GRACE);
        int maxBody = positiveInt(MAX_WEBHOOK_BODY, DEFAULT_MAX_WEBHOOK_BODY);
        Duration retention = duration(DELIVERY_LOG_RETENTION, DEFAULT_DELIVERY_LOG_RETENTION);
        Duration auditRetention = positive(AUDIT_RETENTION, DEFAULT_AUDIT_RETENTION);
        IntegrationSettings.RetryPolicy retries = new IntegrationSettings.RetryPolicy(positiveInt(MAX_ATTEMPTS, 6),
                duration(FIRST_RETRY, Duration.ofSeconds(10)));
        IntegrationSettings.JobPolicy jobs = jobPolicy();
        Duration lease = positive(PROCESSING_LEASE, DEFAULT_PROCESSING_LEASE);
        Optional<Secret> secretsKey = secretsKey(devMode);
        IntegrationSettings.SignIn signIn = new IntegrationSettings.SignIn(
                url(OIDC_PROVIDER_URI, "https://login.example.com/realms/openhands"), value(OIDC_CLIENT_ID),
                secret(OIDC_CLIENT_SECRET), value(OIDC_GROUPS_CLAIM).orElse("groups"),
                value(OIDC_ADMIN_GROUP).orElse(DEFAULT_ADMIN_GROUP), value(USER_ID_CLAIM).orElse(DEFAULT_USER_ID_CLAIM),
                bool(OIDC_TRUST_UNSAID_EMAIL_VERIFIED), positive(OIDC_SESSION_LIFETIME, DEFAULT_SESSION_LIFETIME),
                positive(OIDC_ADMIN_REAUTHENTICATE_AFTER, DEFAULT_ADMIN_REAUTHENTICATE_AFTER));

        if (enabled) {
            require(email, SERVICE_ACCOUNT_EMAIL,
                    "the email address of the Jira user OpenHands acts as, for example openhands-bot@company.com");
            require(pat, SERVICE_ACCOUNT_PAT,
                    "a personal access token of that Jira user (in Jira: Profile > Personal Access Tokens > Create"
                            + " token)");
            require(baseUrl, BASE_URL,
                    "the address of Jira Data Center including the scheme, for example https://jira.example.com");
            require(appUrl, APP_URL,
                    "the address people use to reach OpenHands, for example https://app.openhands.example.com; callback"
                            + " and webhook URLs are built from it");
            if (linking == LinkingMethod.OAUTH) {
                String where = "from Jira's incoming application link (Administration > Applications > Application"
                        + " links), or set " + LINKING_METHOD + "=email to link users by email instead";
                require(clientId, OAUTH_CLIENT_ID, "the OAuth client ID " + where);
                require(clientSecret, OAUTH_CLIENT_SECRET, "the OAuth client secret " + where);
            }
            String client = " of this service's client in the identity provider people sign in with (the realm"
                    + " OpenHands uses)";
            require(signIn.providerUri(), OIDC_PROVIDER_URI, "the OpenID Connect issuer URL people sign in with,"
                    + " for example https://login.example.com/realms/openhands");
            require(signIn.clientId(), OIDC_CLIENT_ID, "the client ID" + client);
            require(signIn.clientSecret(), OIDC_CLIENT_SECRET, "the client secret" + client);
        }
        return new IntegrationSettings(enabled, linking, email, pat, baseUrl, clientId, clientSecret, trustedCa,
                appUrl, apiUrl, webUrl, serviceKey, gitHosts, label, grace, maxBody, retention, auditRetention, retries,
                jobs, lease,
                secretsKey, devMode, signIn,
                metricsAccess(), problems);
    }

    /** Both values or neither: with them this service gets each person's OpenHands API key itself. */
    private Optional<IntegrationSettings.ServiceKey> serviceKey() {
        Optional<Secret> key = secret(SERVICE_API_KEY);
        Optional<String> org = value(ORG_ID);
        String withoutBoth = "; or set neither, and each person pastes their own OpenHands API key on the settings"
                + " page.";
        if (key.isPresent() && org.isEmpty()) {
            problem(ORG_ID,
                    "is required when " + SERVICE_API_KEY + " is set: the id (a UUID) of the OpenHands organisation"
                            + " whose members start OpenHands from Jira" + withoutBoth);
        }
        if (org.isPresent() && key.isEmpty()) {
            problem(SERVICE_API_KEY, "is required when " + ORG_ID + " is set: OpenHands' service key (the value of"
                    + " AUTOMATIONS_SERVICE_KEY on the OpenHands server)" + withoutBoth);
        }
        Optional<String> orgId = org.filter(id -> {
            boolean valid = UUID.matcher(id).matches();
            if (!valid) {
                problem(ORG_ID,
                        "must be the organisation's id, a UUID such as 3fa85f64-5717-4562-b3fc-2c963f66afa6, not '"
                                + id + "'.");
            }
            return valid;
        }).map(id -> id.toLowerCase(Locale.ROOT));
        return key.isPresent() && orgId.isPresent()
                ? Optional.of(new IntegrationSettings.ServiceKey(key.get(), orgId.get()))
                : Optional.empty();
    }

    private IntegrationSettings.JobPolicy jobPolicy() {
        Duration poll = positive(JOB_POLL_INTERVAL, DEFAULT_JOB_POLL_INTERVAL);
        Duration maxPoll = positive(JOB_MAX_POLL_INTERVAL, DEFAULT_JOB_MAX_POLL_INTERVAL);
        if (maxPoll.compareTo(poll) < 0) {
            problem(JOB_MAX_POLL_INTERVAL, "must not be shorter than " + JOB_POLL_INTERVAL + " (" + poll + ").");
            maxPoll = poll;
        }
        Optional<String> pullRequestUrl = value(PULL_REQUEST_URL).filter(template -> {
            boolean valid = template.matches("https?://\\S+") && template.contains("{repository}")
                    && template.contains("{number}");
            if (!valid) {
                problem(PULL_REQUEST_URL, "must be an http(s) URL template with {repository} and {number}, for example"
                        + " https://git.example.com/{repository}/pull/{number}, not '" + template + "'.");
            }
            return valid;
        });
        return new IntegrationSettings.JobPolicy(poll, maxPoll, positive(JOB_STALE_AFTER, DEFAULT_JOB_STALE_AFTER),
                pullRequestUrl,
                duration(JOB_LINK_WAIT, DEFAULT_JOB_LINK_WAIT));
    }

    private Duration positive(String key, Duration fallback) {
        Duration duration = duration(key, fallback);
        if (duration.isZero()) {
            problem(key, "must be longer than zero.");
            return fallback;
        }
        return duration;
    }

    private Optional<String> value(String key) {
        return config.apply(key);
    }

    private Optional<Secret> secret(String key) {
        return value(key).map(Secret::of);
    }

    private void problem(String key, String message) {
        problems.add(new SettingsProblem(key, message));
    }

    private void require(Optional<?> value, String key, String what) {
        // a value that is set but invalid has its own problem already
        if (value.isEmpty() && config.apply(key).isEmpty()) {
            problem(key, "is required when " + ENABLED + "=true: " + what + ".");
        }
    }

    private boolean bool(String key) {
        Optional<String> raw = value(key);
        if (raw.isEmpty()) {
            return false;
        }
        String value = raw.get().toLowerCase(Locale.ROOT);
        if (value.equals("true") || value.equals("false")) {
            return Boolean.parseBoolean(value);
        }
        problem(key, "must be true or false, not '" + raw.get() + "'.");
        return false;
    }

    private LinkingMethod linkingMethod() {
        Optional<String> raw = value(LINKING_METHOD);
        if (raw.isEmpty()) {
            return LinkingMethod.OAUTH;
        }
        for (LinkingMethod method : LinkingMethod.values()) {
            if (method.configValue().equalsIgnoreCase(raw.get())) {
                return method;
            }
        }
        problem(LINKING_METHOD, "must be oauth (recommended) or email, not '" + raw.get() + "'.");
        return LinkingMethod.OAUTH;
    }

    private boolean validEmail(String email) {
        if (EMAIL.matcher(email).matches()) {
            return true;
        }
        problem(SERVICE_ACCOUNT_EMAIL,
                "must be an email address, for example openhands-bot@company.com, not '" + email + "'.");
        return false;
    }

    private Optional<URI> url(String key, String example) {
        Optional<String> raw = value(key);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        String value = raw.get();
        if (!value.contains("://")) {
            problem(key, "must include the scheme: write " + example + ", not '" + value + "'.");
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            problem(key, "is not a valid URL (" + e.getReason() + "); write it like " + example + ".");
            return Optional.empty();
        }
        if (uri.getRawUserInfo() != null) {
            // the value may hold a password: do not repeat it
            problem(key, "must not contain a user name or password; write it like " + example + ".");
            return Optional.empty();
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            problem(key, "must start with https:// (or http://), for example " + example + ", not '" + value + "'.");
            return Optional.empty();
        }
        if (uri.getHost() == null) {
            problem(key, "must name a host, for example " + example + ", not '" + value + "'.");
            return Optional.empty();
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            problem(key, "must be the base address only, without '?' or '#' parts, for example " + example + ".");
            return Optional.empty();
        }
        return Optional.of(URI.create(value.replaceAll("/+$", "")));
    }

    /**
     * {@code git.example.com=gitlab, bitbucket.example.com=bitbucket_data_center}: which provider a self-hosted Git
     * host is.
     */
    private Map<String, GitProvider> gitHosts() {
        Map<String, GitProvider> hosts = new LinkedHashMap<>();
        for (String entry : value(GIT_HOSTS).map(raw -> raw.split(",")).orElse(new String[0])) {
            String[] pair = entry.split("=", -1);
            String host = pair[0].trim().toLowerCase(Locale.ROOT);
            Optional<GitProvider> provider = pair.length == 2 ? GitProvider.byApiName(pair[1]) : Optional.empty();
            if (host.isEmpty() || host.contains("/") || provider.isEmpty()) {
                problem(GIT_HOSTS,
                        "must list host=provider pairs separated by commas, for example git.example.com=gitlab,"
                                + " with a provider among "
                                + Arrays.stream(GitProvider.values()).map(GitProvider::apiName)
                                        .collect(Collectors.joining(", "))
                                + "; '" + entry.trim() + "' is not one.");
            } else {
                hosts.put(host, provider.get());
            }
        }
        return hosts;
    }

    private MetricsAccess metricsAccess() {
        List<MetricsAccess.Network> networks = new ArrayList<>();
        for (String range : value(METRICS_NETWORKS).orElse(MetricsAccess.LOOPBACK).split(",")) {
            try {
                networks.add(MetricsAccess.Network.parse(range));
            } catch (IllegalArgumentException e) {
                problem(METRICS_NETWORKS,
                        "must list address ranges separated by commas, for example 10.20.0.0/16,::1/128: "
                                + e.getMessage() + ".");
            }
        }
        return new MetricsAccess(secret(METRICS_TOKEN), networks);
    }

    private List<X509Certificate> trustedCa() {
        Optional<String> raw = value(TRUSTED_CA);
        if (raw.isEmpty()) {
            return List.of();
        }
        try {
            return PemCertificates.read(raw.get());
        } catch (PemCertificates.UnreadableCertificates e) {
            problem(TRUSTED_CA, e.getMessage());
            return List.of();
        }
    }

    private Duration duration(String key, Duration fallback) {
        Optional<String> raw = value(key);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            Duration duration = Duration.parse(raw.get());
            if (!duration.isNegative()) {
                return duration;
            }
        } catch (java.time.format.DateTimeParseException e) {
            // reported below
        }
        problem(key, "must be an ISO-8601 duration such as PT1H (one hour) or PT30M, not '" + raw.get() + "'.");
        return fallback;
    }

    private int positiveInt(String key, int fallback) {
        Optional<String> raw = value(key);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(raw.get());
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problem(key, "must be a whole number greater than 0, for example " + fallback + ", not '" + raw.get() + "'.");
        return fallback;
    }

    private String triggerLabel() {
        Optional<String> raw = value(TRIGGER_LABEL);
        if (raw.isEmpty()) {
            return DEFAULT_TRIGGER_LABEL;
        }
        if (LABEL.matcher(raw.get()).matches()) {
            return raw.get();
        }
        problem(TRIGGER_LABEL, "must be one Jira label: a single word without spaces, for example openhands.");
        return DEFAULT_TRIGGER_LABEL;
    }

    private Optional<Secret> secretsKey(boolean devMode) {
        Optional<String> raw = value(SECRETS_KEY);
        String generate = "generate one with: openssl rand -base64 32";
        if (raw.isEmpty()) {
            if (!devMode) {
                problem(SECRETS_KEY, "is required: the base64 AES key that encrypts tokens, API keys and webhook"
                        + " secrets stored in the database; " + generate + ".");
            }
            return Optional.empty();
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(raw.get());
        } catch (IllegalArgumentException e) {
            problem(SECRETS_KEY, "is not valid base64 (the value is not shown); " + generate + ".");
            return Optional.empty();
        }
        if (key.length != 16 && key.length != 24 && key.length != 32) {
            problem(SECRETS_KEY, "must decode to 16, 24 or 32 bytes (an AES-128, -192 or -256 key), but decodes to "
                    + key.length + " bytes; " + generate + ".");
            return Optional.empty();
        }
        return raw.map(Secret::of);
    }
}
