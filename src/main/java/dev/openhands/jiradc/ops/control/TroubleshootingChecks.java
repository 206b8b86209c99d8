package dev.openhands.jiradc.ops.control;

import static dev.openhands.jiradc.settings.entity.SettingsKeys.*;

import dev.openhands.jiradc.jira.entity.JiraCallFailed;
import dev.openhands.jiradc.jira.entity.JiraUser;
import dev.openhands.jiradc.linking.entity.LinkOutcome;
import dev.openhands.jiradc.openhands.entity.ServiceKeyVerdict;
import dev.openhands.jiradc.ops.entity.Check;
import dev.openhands.jiradc.settings.entity.IntegrationSettings;
import dev.openhands.jiradc.settings.entity.LinkingMethod;
import dev.openhands.jiradc.settings.entity.SettingsProblem;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The rows of the product's troubleshooting table as checks: each decides, from facts gathered by
 * {@link Diagnostics}, whether that row's cause is present, and words the fix. No I/O here.
 */
public final class TroubleshootingChecks {

    /** A refusal this recent makes the signature check red. */
    static final Duration RECENT_REFUSAL = Duration.ofHours(24);

    /**
     * What {@code /rest/api/2/myself} with the service account's PAT gave: the user, a failure, or why it was not
     * asked.
     */
    public record JiraProbe(Optional<JiraUser> user, Optional<JiraCallFailed> failure, Optional<String> notAsked) {

        public static JiraProbe answered(JiraUser user) {
            return new JiraProbe(Optional.of(user), Optional.empty(), Optional.empty());
        }

        public static JiraProbe failed(JiraCallFailed failure) {
            return new JiraProbe(Optional.empty(), Optional.of(failure), Optional.empty());
        }

        public static JiraProbe notAsked(String why) {
            return new JiraProbe(Optional.empty(), Optional.empty(), Optional.of(why));
        }

        /** Jira sent an HTTP answer (any status), so it is reachable and, over https, trusted. */
        boolean jiraAnswered() {
            return user.isPresent() || failure.map(f -> f.kind() == JiraCallFailed.Kind.REFUSED).orElse(false);
        }
    }

    public record ConnectionFacts(String id, String setup, boolean active, Optional<Instant> activatedAt,
            Optional<Instant> lastDeliveryAt, String eventsUrl) {
    }

    public record Refusal(String reason, long count, Instant lastAt) {
    }

    public record DeliveryFacts(Instant receivedAt, Optional<String> event, Optional<String> issueKey,
            Optional<String> actor,
            String outcome, Optional<String> result) {

        boolean askedForOpenHands() {
            return outcome.startsWith("trigger:");
        }
    }

    public record LinkFacts(String jiraName, Optional<String> account, Optional<String> needsReconnect) {
    }

    public record AttemptFacts(LinkOutcome outcome, String message, Instant at) {
    }

    private TroubleshootingChecks() {
    }

    /** The Admin Console keys whose value now differs from the deployed one (so a redeploy is pending). */
    public static List<String> changedSinceDeployment(IntegrationSettings deployed, IntegrationSettings now) {
        Map<String, Function<IntegrationSettings, Object>> values = new LinkedHashMap<>();
        values.put(ENABLED, IntegrationSettings::enabled);
        values.put(LINKING_METHOD, IntegrationSettings::linkingMethod);
        values.put(SERVICE_ACCOUNT_EMAIL, IntegrationSettings::serviceAccountEmail);
        values.put(SERVICE_ACCOUNT_PAT, IntegrationSettings::serviceAccountPat);
        values.put(BASE_URL, IntegrationSettings::jiraBaseUrl);
        values.put(OAUTH_CLIENT_ID, IntegrationSettings::oauthClientId);
        values.put(OAUTH_CLIENT_SECRET, IntegrationSettings::oauthClientSecret);
        values.put(TRUSTED_CA, IntegrationSettings::trustedCertificates);
        values.put(APP_URL, IntegrationSettings::appUrl);
        values.put(API_URL, IntegrationSettings::apiUrl);
        values.put(SERVICE_API_KEY, settings -> settings.serviceKey().map(IntegrationSettings.ServiceKey::apiKey));
        values.put(ORG_ID, settings -> settings.serviceKey().map(IntegrationSettings.ServiceKey::orgId));
        values.put(USER_ID_CLAIM, settings -> settings.signIn().userIdClaim());
        values.put(TRIGGER_LABEL, IntegrationSettings::triggerLabel);
        List<String> changed = new ArrayList<>();
        values.forEach((key, value) -> {
            if (!Objects.equals(value.apply(deployed), value.apply(now))) {
                changed.add(key);
            }
        });
        Set<String> problemsThen = deployed.problems().stream().map(SettingsProblem::toString)
                .collect(Collectors.toSet());
        Set<String> problemsNow = now.problems().stream().map(SettingsProblem::toString).collect(Collectors.toSet());
        if (!problemsThen.equals(problemsNow)) {
            now.problems().stream().map(SettingsProblem::key).filter(key -> !changed.contains(key))
                    .forEach(changed::add);
            deployed.problems().stream().map(SettingsProblem::key).filter(key -> !changed.contains(key))
                    .forEach(changed::add);
        }
        return changed;
    }

    /** "The Jira Data Center card is not visible": enabled, every value valid, and the values in effect. */
    public static Check integration(IntegrationSettings settings, List<String> changedSinceDeployment) {
        String title = "Integration enabled and deployed";
        List<SettingsProblem> problems = settings.problems().stream().filter(p -> !p.key().equals(BASE_URL)).toList();
        if (!settings.enabled()) {
            return Check.problem("integration", title, "The integration is switched off (" + ENABLED + "=false).",
                    "Set " + ENABLED + "=true in the Admin Console (MicroProfile Config) and redeploy.");
        }
        if (!problems.isEmpty()) {
            return Check.problem("integration", title, ENABLED + "=true, but " + problems.size()
                    + (problems.size() == 1 ? " value is" : " values are") + " missing or invalid.",
                    "Fix and redeploy: "
                            + problems.stream().map(SettingsProblem::toString).collect(Collectors.joining(" ")));
        }
        if (!changedSinceDeployment.isEmpty()) {
            return Check.problem("integration", title,
                    "Changed in the configuration since this deployment started, not in effect yet: "
                            + String.join(", ", changedSinceDeployment) + ".",
                    "Redeploy the application (or restart the server) so that the new values take effect.");
        }
        return Check.ok("integration", title, ENABLED + "=true, linking by " + settings.linkingMethod().configValue()
                + "; every value is valid and in effect.");
    }

    /** The base URL must include its scheme. */
    public static Check baseUrl(IntegrationSettings settings) {
        String title = "Jira base URL includes the scheme";
        Optional<SettingsProblem> problem = settings.problems().stream().filter(p -> p.key().equals(BASE_URL))
                .findFirst();
        if (problem.isPresent()) {
            return Check.problem("base-url", title, BASE_URL + ": " + problem.get().message(),
                    "Set " + BASE_URL
                            + " to Jira's full address, including https://, for example https://jira.example.com,"
                            + " and redeploy.");
        }
        return settings.jiraBaseUrl()
                .map(url -> Check.ok("base-url", title, BASE_URL + " is " + url + "."))
                .orElseGet(() -> Check.problem("base-url", title, BASE_URL + " is not set.",
                        "Set " + BASE_URL + " to Jira's full address, including https://, and redeploy."));
    }

    /** The service account's PAT, proven by asking Jira who it belongs to. */
    public static Check serviceAccount(IntegrationSettings settings, JiraProbe probe) {
        String title = "Service account PAT works (/rest/api/2/myself)";
        String email = settings.serviceAccountEmail().orElse("the service account");
        if (probe.notAsked().isPresent()) {
            return Check.unknown("service-account", title, "Not checked: " + probe.notAsked().get(), null);
        }
        if (probe.user().isPresent()) {
            JiraUser me = probe.user().get();
            String who = me.displayName() + " (" + me.name() + ", key " + me.key() + ")";
            if (settings.serviceAccountEmail().isPresent() && me.emailAddress().isPresent()
                    && !me.emailAddress().get().equalsIgnoreCase(settings.serviceAccountEmail().get())) {
                return Check.problem("service-account", title, "The PAT belongs to " + who + ", whose email is "
                        + me.emailAddress().get() + ", not " + settings.serviceAccountEmail().get() + ".",
                        "Use a PAT of the service account itself, or set " + SERVICE_ACCOUNT_EMAIL
                                + " to its email, and redeploy.");
            }
            return Check.ok("service-account", title, "Jira accepts the PAT as " + who + ".");
        }
        JiraCallFailed failure = probe.failure().orElseThrow();
        if (failure.kind() != JiraCallFailed.Kind.REFUSED) {
            return Check.unknown("service-account", title, "Not checked: Jira did not answer (see the next check).",
                    null);
        }
        if (failure.status() == 401 || failure.status() == 403) {
            return Check.problem("service-account", title, failure.getMessage(),
                    "Sign in to Jira as " + email
                            + ", create a personal access token (Profile > Personal Access Tokens), set it as "
                            + SERVICE_ACCOUNT_PAT + " and redeploy.");
        }
        return Check.problem("service-account", title, failure.getMessage(),
                "Jira answered " + failure.status() + " for /rest/api/2/myself: check that " + BASE_URL
                        + " is Jira's address including any context path, for example https://example.com/jira.");
    }

    /** Service-to-service mode: OpenHands accepts this service's key, proven by one call made with it. */
    public static Check openHandsServiceKey(ServiceKeyVerdict verdict) {
        String id = "openhands-service-key";
        String title = "OpenHands accepts the service key (" + SERVICE_API_KEY + ")";
        return switch (verdict.state()) {
            case ACCEPTED -> Check.ok(id, title, verdict.detail());
            case REFUSED -> Check.problem(id, title, verdict.detail(), verdict.fix().orElseThrow());
            case UNANSWERED -> Check.unknown(id, title, "Not proven: " + verdict.detail(), verdict.fix().orElse(null));
        };
    }

    /** Jira reachable from here, and its certificate trusted. */
    public static Check jiraReachable(IntegrationSettings settings, JiraProbe probe) {
        String title = "Jira reachable, its certificate trusted";
        if (probe.notAsked().isPresent()) {
            return Check.unknown("jira-reachable", title, "Not checked: " + probe.notAsked().get(), null);
        }
        if (probe.jiraAnswered()) {
            String base = settings.jiraBaseUrl().map(Object::toString).orElse("Jira");
            boolean tls = base.startsWith("https:");
            int extra = settings.trustedCertificates().size();
            return Check.ok("jira-reachable", title, "Jira answered at " + base + (tls
                    ? " over https; its certificate is trusted"
                            + (extra > 0 ? " (" + extra + " certificate" + (extra == 1 ? "" : "s") + " from "
                                    + TRUSTED_CA + ")" : "")
                    : " over plain http, without TLS") + ".");
        }
        JiraCallFailed failure = probe.failure().orElseThrow();
        return switch (failure.kind()) {
            case TLS -> Check.problem("jira-reachable", title, failure.getMessage(),
                    "Add the CA certificate that issued Jira's certificate to " + TRUSTED_CA
                            + " (PEM text, or the path of a PEM file; the Admin Console's Additional Trusted CA"
                            + " Certificates) and redeploy.");
            case UNREACHABLE -> Check.problem("jira-reachable", title, failure.getMessage(),
                    "Confirm that this server can reach " + settings.jiraBaseUrl().map(Object::toString).orElse("Jira")
                            + ": DNS, firewall and proxy between the OpenHands cluster and Jira.");
            default -> Check.problem("jira-reachable", title, failure.getMessage(),
                    "Jira answered with a server error: check Jira's health and its logs, then run the checks again.");
        };
    }

    /** The exact OAuth redirect URL, and whether the latest Connect proved it. */
    public static Check oauthCallback(IntegrationSettings settings, Optional<AttemptFacts> lastAttempt) {
        String title = "OAuth callback URL registered in Jira";
        if (settings.linkingMethod() == LinkingMethod.EMAIL) {
            return Check.ok("oauth-callback", title, "Nothing to register: users are linked by email ("
                    + LINKING_METHOD + "=email).");
        }
        Optional<String> url = settings.oauthCallbackUrl();
        if (url.isEmpty()) {
            return Check.unknown("oauth-callback", title, "Not known: " + APP_URL + " is not set.",
                    "Set " + APP_URL + " and redeploy.");
        }
        String register = "In Jira's incoming application link (Administration > Applications > Application links), the"
                + " redirect URL must be exactly " + url.get() + " and the scope WRITE.";
        if (lastAttempt.isEmpty()) {
            return Check
                    .unknown("oauth-callback", title, "No one has clicked Connect yet, so Jira has not confirmed it.",
                            register)
                    .withValue(url.get());
        }
        AttemptFacts attempt = lastAttempt.get();
        return switch (attempt.outcome()) {
            case CONNECTED ->
                Check.ok("oauth-callback", title, "The latest Connect, at " + attempt.at() + ", succeeded with "
                        + url.get() + ".").withValue(url.get());
            case CALLBACK_MISMATCH ->
                Check.problem("oauth-callback", title, "The latest Connect, at " + attempt.at() + ", failed: "
                        + attempt.message(), register).withValue(url.get());
            case TOKEN_REFUSED -> Check
                    .problem("oauth-callback", title, "The latest Connect, at " + attempt.at() + ", failed: "
                            + attempt.message(),
                            "Copy the client ID and secret from Jira's incoming application link into "
                                    + OAUTH_CLIENT_ID + " and " + OAUTH_CLIENT_SECRET + ", and redeploy. " + register)
                    .withValue(url.get());
            case JIRA_UNREACHABLE, TLS_FAILURE,
                    FAILED ->
                Check.problem("oauth-callback", title, "The latest Connect, at "
                        + attempt.at() + ", failed: " + attempt.message(),
                        "See the check of Jira's reachability and certificate. "
                                + register)
                        .withValue(url.get());
            // the person declined, took too long, or used another account: nothing is wrong with the setup
            default -> Check.ok("oauth-callback", title, "Register exactly " + url.get() + ". The latest Connect, at "
                    + attempt.at() + ", ended with '" + attempt.outcome().code() + "', which is not a setup problem.")
                    .withValue(url.get());
        };
    }

    /** An active connection, and when Jira last delivered to it. */
    public static Check webhook(IntegrationSettings settings, List<ConnectionFacts> connections) {
        String title = "Webhook installed, deliveries arriving";
        List<ConnectionFacts> active = connections.stream().filter(ConnectionFacts::active).toList();
        if (active.isEmpty()) {
            return Check.problem(
                    "webhook", title, connections.isEmpty() ? "No webhook is set up: Jira sends nothing here."
                            : "No connection is active (" + connections.size()
                                    + " inactive): Jira's deliveries are refused.",
                    "Set up the webhook above: Install automatically, or Set it up in Jira myself and then click"
                            + " 'I created the webhook'.");
        }
        Optional<ConnectionFacts> latest = active.stream().filter(c -> c.lastDeliveryAt().isPresent())
                .max((a, b) -> a.lastDeliveryAt().get().compareTo(b.lastDeliveryAt().get()));
        if (latest.isPresent()) {
            return Check.ok("webhook", title, active.size() + " active connection" + (active.size() == 1 ? "" : "s")
                    + "; the last delivery arrived at " + latest.get().lastDeliveryAt().get() + " ("
                    + latest.get().setup()
                    + " connection " + latest.get().id() + ").").withValue(latest.get().eventsUrl());
        }
        ConnectionFacts first = active.get(0);
        return Check.unknown("webhook", title, "Active since " + first.activatedAt().map(Object::toString).orElse("?")
                + ", but no delivery has arrived yet.",
                "Comment " + settings.mention() + " on a Jira issue to test. If nothing"
                        + " arrives, confirm that Jira's network can reach "
                        + settings.appUrl().map(Object::toString).orElse("this service")
                        + " and that Jira's webhook uses exactly this URL.")
                .withValue(first.eventsUrl());
    }

    /** Deliveries refused with 403 on this instance: wrong URL or secret in Jira. */
    public static Check signatureFailures(List<Refusal> refusals, Instant now) {
        String title = "No deliveries refused (403)";
        List<Refusal> recent = refusals.stream().filter(r -> r.lastAt().isAfter(now.minus(RECENT_REFUSAL))).toList();
        if (recent.isEmpty()) {
            long older = refusals.stream().mapToLong(Refusal::count).sum();
            return Check.ok("signature-failures", title,
                    older == 0 ? "No delivery was refused since this server started."
                            : "None in the last 24 hours (" + older + " earlier since this server started).");
        }
        long total = recent.stream().mapToLong(Refusal::count).sum();
        return Check.problem("signature-failures", title, total + " deliver" + (total == 1 ? "y was" : "ies were")
                + " refused on this server: "
                + recent.stream().map(r -> r.reason() + " (" + r.count() + ", latest at " + r.lastAt() + ")")
                        .collect(Collectors.joining("; "))
                + ".",
                "Confirm that the webhook URL and signing secret in Jira match the values generated here: show the"
                        + " manual details again, or rotate the secret and enter the new one in Jira.");
    }

    /** Deliveries that reach this service but start no job: the latest request for OpenHands, and what became of it. */
    public static Check deliveries(IntegrationSettings settings, List<DeliveryFacts> recent) {
        String title = "Deliveries start jobs";
        String rowFix = "Confirm the Jira user is linked, the integration is active, the comment contains "
                + settings.mention()
                + " or the update added the " + settings.triggerLabel()
                + " label, and the user has access to the repository.";
        if (recent.isEmpty()) {
            return Check.unknown("deliveries", title,
                    "No delivery in the log (kept for " + words(settings.deliveryLogRetention()) + ").",
                    "If Jira lists failed deliveries, confirm that Jira's network can reach "
                            + settings.appUrl().map(Object::toString).orElse("this service") + ".");
        }
        Optional<DeliveryFacts> asked = recent.stream().filter(DeliveryFacts::askedForOpenHands).findFirst();
        if (asked.isEmpty()) {
            DeliveryFacts latest = recent.get(0);
            return Check.unknown("deliveries", title,
                    recent.size() + " recent deliver" + (recent.size() == 1 ? "y" : "ies")
                            + ", none asking for OpenHands; the latest: " + latest.outcome() + ".",
                    rowFix);
        }
        DeliveryFacts request = asked.get();
        String what = "The latest request for OpenHands (" + request.issueKey().orElse("?") + " by "
                + request.actor().orElse("?") + " at " + request.receivedAt() + ")";
        if (request.result().isEmpty()) {
            return Check.unknown("deliveries", title, what + " is being processed.", null);
        }
        String result = request.result().get();
        if (result.startsWith("job started")) {
            return Check.ok("deliveries", title, what + ": " + result + ".");
        }
        return Check.problem("deliveries", title, what + ": " + result + ".", rowFix);
    }

    static String words(Duration duration) {
        if (duration.toHours() % 24 == 0 && duration.toDays() > 0) {
            return duration.toDays() + (duration.toDays() == 1 ? " day" : " days");
        }
        return duration.toHours() > 0 ? duration.toHours() + (duration.toHours() == 1 ? " hour" : " hours")
                : duration.toMinutes() + " minutes";
    }

    /** People who linked their Jira account, and those who must connect again. */
    public static Check usersLinked(IntegrationSettings settings, List<LinkFacts> links) {
        String title = "Users linked";
        String howToLink = settings.linkingMethod() == LinkingMethod.OAUTH
                ? "Each user signs in here and clicks Connect under Jira Data Center."
                : "Each user's OpenHands email must equal their Jira email; they click Check here, or are linked at"
                        + " their first request.";
        if (links.isEmpty()) {
            return Check.problem("users-linked", title,
                    "No one has linked a Jira account yet, so no Jira event can start a job.",
                    howToLink);
        }
        List<LinkFacts> broken = links.stream().filter(l -> l.needsReconnect().isPresent()).toList();
        String names = links.stream().limit(20).map(l -> l.jiraName() + l.account().map(a -> " (" + a + ")").orElse(""))
                .collect(Collectors.joining(", ")) + (links.size() > 20 ? ", ..." : "");
        if (!broken.isEmpty()) {
            return Check.problem("users-linked", title, links.size() + " linked; Jira no longer accepts the tokens of "
                    + broken.stream().map(LinkFacts::jiraName).collect(Collectors.joining(", ")) + ".",
                    "They open this page and click Connect again.");
        }
        return Check.ok("users-linked", title, links.size() + " linked: " + names + ".");
    }
}
