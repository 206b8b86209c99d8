package dev.openhands.jiradc.jira.boundary;

import dev.openhands.jiradc.jira.control.JiraApi;
import dev.openhands.jiradc.jira.control.JiraResponses;
import dev.openhands.jiradc.jira.entity.JiraCallFailed;
import dev.openhands.jiradc.jira.entity.JiraTokens;
import dev.openhands.jiradc.jira.entity.JiraUser;
import dev.openhands.jiradc.platform.CallTimer;
import dev.openhands.jiradc.platform.Metrics;
import dev.openhands.jiradc.platform.OutboundClient;
import dev.openhands.jiradc.settings.entity.IntegrationSettings;
import dev.openhands.jiradc.settings.entity.Secret;
import dev.openhands.jiradc.settings.entity.SettingsKeys;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Calls to Jira Data Center: OAuth 2.0 as the user, and the REST API as the user or the service account. */
@ApplicationScoped
public class Jira {

    @Inject
    Metrics metrics;

    @Inject
    IntegrationSettings settings;

    private final Clock clock = Clock.systemUTC();
    private OutboundClient<JiraApi> restClient;

    @PostConstruct
    void prepare() {
        restClient = new OutboundClient<>(JiraApi.class, Map.of(), new JiraResponses(), new CallTimer(metrics, "jira"));
    }

    /** Where to send the person to grant access: scope WRITE, with PKCE S256. */
    public URI authorizeUrl(String state, String codeChallenge) {
        return UriBuilder.fromUri(base()).path("rest/oauth2/latest/authorize")
                .queryParam("client_id", settings.oauthClientId().orElseThrow())
                .queryParam("redirect_uri", callbackUrl())
                .queryParam("response_type", "code")
                .queryParam("scope", "WRITE")
                .queryParam("state", state)
                .queryParam("code_challenge", codeChallenge)
                .queryParam("code_challenge_method", "S256")
                .build();
    }

    public JiraTokens exchangeCode(String code, String codeVerifier) {
        Form form = client(new Form("grant_type", "authorization_code"))
                .param("code", code)
                .param("code_verifier", codeVerifier);
        return JiraResponses.call(base(), "exchange the authorization code for a token", () -> api().token(form))
                .tokens(clock.instant());
    }

    /** Jira rotates refresh tokens: the old pair stops working once this returns. */
    public JiraTokens refresh(Secret refreshToken) {
        Form form = client(new Form("grant_type", "refresh_token")).param("refresh_token", refreshToken.reveal());
        return JiraResponses.call(base(), "refresh the user's access token", () -> api().token(form))
                .tokens(clock.instant());
    }

    public JiraUser myself(Secret accessToken) {
        return JiraResponses.call(base(), "read the current user",
                () -> api().myself("Bearer " + accessToken.reveal()));
    }

    /** The Jira user with this login name, looked up with the service account's PAT. */
    public JiraUser userByName(String username) {
        return JiraResponses.call(base(), "look up the user " + username, () -> api().user(serviceAccount(), username));
    }

    /** The Jira user with this login name, or empty when Jira has none (404). */
    public Optional<JiraUser> findUserByName(String username) {
        try {
            return Optional.of(userByName(username));
        } catch (JiraCallFailed e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The Jira users whose email is exactly this one, ignoring case (Jira's search itself is fuzzy). */
    public List<JiraUser> usersByEmail(String email) {
        return JiraResponses.call(base(), "search users by email", () -> api().searchUsers(serviceAccount(), email))
                .stream()
                .filter(Objects::nonNull)
                .filter(user -> user.emailAddress().filter(email::equalsIgnoreCase).isPresent())
                .toList();
    }

    /**
     * Whether the server at {@code jira-dc.base-url} is the development simulator (its answers carry
     * {@link JiraApi#SIMULATOR_HEADER}); empty when it does not answer at all, so nothing is known yet.
     */
    public Optional<Boolean> isSimulator() {
        try (var answer = JiraResponses.call(base(), "read the server's information", () -> api().serverInfo())) {
            return Optional.of(answer.getHeaderString(JiraApi.SIMULATOR_HEADER) != null);
        } catch (JiraCallFailed e) {
            boolean answered = e.kind() == JiraCallFailed.Kind.REFUSED || e.kind() == JiraCallFailed.Kind.FAILED;
            return answered ? Optional.of(false) : Optional.empty();
        }
    }

    private String serviceAccount() {
        return "Bearer " + settings.serviceAccountPat().orElseThrow(() -> new IllegalStateException(
                SettingsKeys.SERVICE_ACCOUNT_PAT + " is not configured")).reveal();
    }

    public String callbackUrl() {
        return settings.oauthCallbackUrl()
                .orElseThrow(() -> new IllegalStateException(SettingsKeys.APP_URL + " is not configured"));
    }

    private Form client(Form form) {
        return form.param("client_id", settings.oauthClientId().orElseThrow())
                .param("client_secret", settings.oauthClientSecret().orElseThrow().reveal())
                .param("redirect_uri", callbackUrl());
    }

    URI base() {
        return settings.jiraBaseUrl()
                .orElseThrow(() -> new IllegalStateException(SettingsKeys.BASE_URL + " is not configured"));
    }

    JiraApi api() {
        return restClient.at(URI.create(base() + "/"), settings.trustedCertificates());
    }
}
