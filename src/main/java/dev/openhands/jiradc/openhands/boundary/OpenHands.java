package dev.openhands.jiradc.openhands.boundary;

import dev.openhands.jiradc.openhands.control.OpenHandsApi;
import dev.openhands.jiradc.openhands.control.OpenHandsApi.AppConversation;
import dev.openhands.jiradc.openhands.control.OpenHandsApi.AppConversationStartRequest;
import dev.openhands.jiradc.openhands.control.OpenHandsApi.AppConversationStartTask;
import dev.openhands.jiradc.openhands.control.OpenHandsApi.AppConversationStartTaskPage;
import dev.openhands.jiradc.openhands.control.OpenHandsApi.AppSendMessageRequest;
import dev.openhands.jiradc.openhands.control.OpenHandsApi.RepositoryPage;
import dev.openhands.jiradc.openhands.control.OpenHandsApi.SendMessageRequest;
import dev.openhands.jiradc.openhands.control.OpenHandsResponses;
import dev.openhands.jiradc.openhands.entity.ApiKeyRefused;
import dev.openhands.jiradc.openhands.entity.Conversation;
import dev.openhands.jiradc.openhands.entity.ConversationEvent;
import dev.openhands.jiradc.openhands.entity.EventsNotServed;
import dev.openhands.jiradc.openhands.entity.OpenHandsUnavailable;
import dev.openhands.jiradc.openhands.entity.OpenHandsUser;
import dev.openhands.jiradc.openhands.entity.RepositoryLookup;
import dev.openhands.jiradc.openhands.entity.StartTask;
import dev.openhands.jiradc.openhands.entity.StartUnanswered;
import dev.openhands.jiradc.platform.CallTimer;
import dev.openhands.jiradc.platform.Metrics;
import dev.openhands.jiradc.platform.OutboundClient;
import dev.openhands.jiradc.platform.ProcessingContext;
import dev.openhands.jiradc.settings.entity.GitProvider;
import dev.openhands.jiradc.settings.entity.IntegrationSettings;
import dev.openhands.jiradc.settings.entity.SettingsKeys;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Logger;
import javax.net.ssl.SSLException;

/** Every call this service makes to OpenHands goes through here, so an API change touches one class. */
@ApplicationScoped
public class OpenHands {

    private static final Logger LOG = ProcessingContext.logger(OpenHands.class);

    /** Enough to find {@code org/repo} among repositories whose names contain it, few enough never to be a listing. */
    static final int REPOSITORY_MATCHES = 20;

    /** A follow-up the conversation cannot take now: unknown, its sandbox paused, archived, or failing. */
    static final Set<Integer> CANNOT_TAKE_A_MESSAGE = Set.of(404, 409, 410, 502, 503);

    @Inject
    Metrics metrics;

    @Inject
    IntegrationSettings settings;

    private OutboundClient<OpenHandsApi> restClient;

    @PostConstruct
    void prepare() {
        // Jersey's default (a buffered body over HttpURLConnection) sends a POST again, unasked, when the first answer
        // is lost: a second conversation. A streamed body is never sent twice.
        restClient = new OutboundClient<>(OpenHandsApi.class,
                Map.of("jersey.config.client.request.entity.processing", "CHUNKED"),
                new OpenHandsResponses(), new CallTimer(metrics, "openhands"));
    }

    /** @throws ApiKeyRefused when OpenHands does not accept the key; OpenHandsUnavailable when it cannot say */
    public OpenHandsUser userOf(String apiKey) {
        try {
            return ask("who owns the key", api -> api.currentUser(bearer(apiKey))).user();
        } catch (ApiKeyRefused e) {
            throw new ApiKeyRefused("OpenHands did not accept this API key. Create a new one in OpenHands under"
                    + " Settings > API Keys and paste it here.");
        }
    }

    /**
     * Where the person reaches the repository {@code org/repo} through OpenHands: a targeted search on the provider the
     * repository's address named, or else on the provider the person works with in OpenHands, or else on each provider
     * in {@link GitProvider#SEARCH_ORDER}, stopping at the first exact match.
     */
    public RepositoryLookup findRepository(String apiKey, String repository, Optional<GitProvider> named) {
        List<GitProvider> providers = named.map(List::of).or(() -> activeProvider(apiKey).map(List::of))
                .orElse(GitProvider.SEARCH_ORDER);
        List<GitProvider> searched = new ArrayList<>();
        List<GitProvider> notConnected = new ArrayList<>();
        OpenHandsUnavailable failure = null;
        for (GitProvider provider : providers) {
            try {
                Optional<RepositoryPage> page = search(apiKey, repository, provider);
                if (page.isEmpty()) {
                    // OpenHands answers so when it holds no Git token for the provider; a refused key is told apart by
                    // asking whose it is
                    if (notConnected.isEmpty()) {
                        userOf(apiKey);
                    }
                    notConnected.add(provider);
                    continue;
                }
                Optional<String> match = page.get().fullNames().filter(repository::equalsIgnoreCase).findFirst();
                if (match.isPresent()) {
                    return new RepositoryLookup.Found(match.get(), provider);
                }
                searched.add(provider);
            } catch (OpenHandsUnavailable e) {
                if (e.status() == 0) {
                    throw e; // no answer that could be read: an outage, tried again as a whole
                }
                LOG.warning(e::getMessage);
                failure = e;
            }
        }
        if (searched.isEmpty() && failure != null) {
            // no provider could be searched: an outage, tried again, not "no access"
            throw failure;
        }
        return searched.isEmpty() ? new RepositoryLookup.GitNotConnected(notConnected)
                : new RepositoryLookup.NotFound(searched);
    }

    /** One provider's search; empty when OpenHands answers 400, 401 or 403. */
    private Optional<RepositoryPage> search(String apiKey, String repository, GitProvider provider) {
        try {
            return Optional.of(ask("to look up the repository " + repository + " on " + provider.displayName(),
                    api -> api.searchRepositories(bearer(apiKey), provider.apiName(), repository, REPOSITORY_MATCHES)));
        } catch (ApiKeyRefused e) {
            return Optional.empty();
        } catch (OpenHandsUnavailable e) {
            if (e.status() == 400) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The provider the person signed in to OpenHands with, when OpenHands says. */
    private Optional<GitProvider> activeProvider(String apiKey) {
        OpenHandsApi api = api();
        try {
            return api.gitOrganizations(bearer(apiKey)).gitProvider();
        } catch (ProcessingException e) {
            if (OutboundClient.unreadableAnswer(e)) {
                return Optional.empty();
            }
            throw unreachable(e);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The longest a call to OpenHands takes before it is given up: a start asked for longer ago than this has been
     * answered, or never will be.
     */
    public static final Duration LONGEST_CALL = Duration.ofSeconds(40);

    /** OpenHands' clock may differ from this one: a start is looked for from this long before it was asked for. */
    static final Duration CLOCKS_APART = Duration.ofMinutes(5);

    /** Enough start tasks to look through for one person's start within minutes, never a full history. */
    static final int START_TASK_PAGES = 10;

    /**
     * Starts a conversation as the user on the repository, with a title and a first message, under an id of this
     * service's choosing, by which an attempt after a lost answer finds it ({@link #startMadeFor}).
     *
     * @throws StartUnanswered when the request went out and no answer came back
     */
    public StartTask startConversation(String apiKey, String conversationId, RepositoryLookup.Found repository,
            String title,
            String message) {
        AppConversationStartRequest request = new AppConversationStartRequest(conversationId, title,
                repository.fullName(),
                repository.provider().apiName(), SendMessageRequest.user(message));
        String what = "to start a conversation";
        OpenHandsApi api = api();
        try {
            return api.startConversation(bearer(apiKey), request).task();
        } catch (ApiKeyRefused | OpenHandsUnavailable e) {
            throw asked(what, e);
        } catch (ProcessingException e) {
            if (root(e) instanceof ConnectException || OutboundClient.unreadableAnswer(e)) {
                throw failed(what, e);
            }
            throw new StartUnanswered(
                    "No answer from OpenHands at " + baseUri() + " when asked to start a conversation ("
                            + rootCause(e) + "); it may have started it");
        }
    }

    /**
     * The start OpenHands made, since about {@code askedAt}, for a request with this conversation id; empty when it has
     * none, so that the request never reached it.
     */
    public Optional<StartTask> startMadeFor(String apiKey, String conversationId, Instant askedAt) {
        String since = askedAt.minus(CLOCKS_APART).toString();
        String page = null;
        for (int pages = 0; pages < START_TASK_PAGES; pages++) {
            String pageId = page;
            AppConversationStartTaskPage found = ask("to search its start tasks",
                    api -> api.searchStartTasks(bearer(apiKey), since, "CREATED_AT", pageId, 100));
            Optional<StartTask> made = found.items().stream().filter(Objects::nonNull)
                    .filter(task -> task.madeFor(conversationId)).map(AppConversationStartTask::task).findFirst();
            page = found.nextPageId();
            if (made.isPresent() || page == null) {
                return made;
            }
        }
        LOG.warning(() -> "More than " + START_TASK_PAGES + " pages of start tasks since " + since + "; the start of "
                + conversationId + " was not among them");
        return Optional.empty();
    }

    /** The start task as it is now; empty when OpenHands does not know it. */
    public Optional<StartTask> startTask(String apiKey, String id) {
        return ask("to look at the start task " + id, api -> api.startTasks(bearer(apiKey), id)).stream()
                .filter(Objects::nonNull).map(AppConversationStartTask::task).filter(task -> task.id().equals(id))
                .findFirst();
    }

    /** The conversation as it is now; empty when OpenHands does not know it (deleted). */
    public Optional<Conversation> conversation(String apiKey, String id) {
        return ask("to look at the conversation " + id, api -> api.conversations(bearer(apiKey), id)).stream()
                .filter(conversation -> conversation != null && id.equals(conversation.id()))
                .map(AppConversation::conversation)
                .findFirst();
    }

    /**
     * The conversation's newest events, newest first.
     *
     * @throws EventsNotServed when this OpenHands does not serve the events of a conversation it knows
     */
    public List<ConversationEvent> newestEvents(String apiKey, String conversationId, int limit) {
        try {
            return ask("to read the events of the conversation " + conversationId,
                    api -> api.events(bearer(apiKey), conversationId, "TIMESTAMP_DESC", limit)).events();
        } catch (OpenHandsUnavailable e) {
            if (e.status() == 404) {
                throw new EventsNotServed("OpenHands at " + baseUri() + " answered 404 to GET /api/v1/conversation/"
                        + conversationId
                        + "/events/search: it does not serve the V1 events API this service follows jobs with");
            }
            throw e;
        }
    }

    /**
     * Sends a follow-up message to a conversation.
     *
     * @return false when the conversation cannot take it now (unknown, its sandbox paused, gone or failing)
     */
    public boolean sendMessage(String apiKey, String conversationId, String text) {
        try {
            ask("to pass a message to the conversation " + conversationId,
                    api -> api.sendMessage(bearer(apiKey), conversationId, AppSendMessageRequest.user(text)));
            return true;
        } catch (OpenHandsUnavailable e) {
            if (CANNOT_TAKE_A_MESSAGE.contains(e.status())) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Stops a conversation for good: deletes it, and its sandbox with it, as the person whose key it is.
     *
     * @return false when OpenHands no longer knows it (404): there is nothing left to stop
     */
    public boolean deleteConversation(String apiKey, String conversationId) {
        try {
            ask("to delete the conversation " + conversationId,
                    api -> api.deleteConversation(bearer(apiKey), conversationId));
            return true;
        } catch (OpenHandsUnavailable e) {
            if (e.status() == 404) {
                return false;
            }
            throw e;
        }
    }

    /**
     * One call: an error answer ({@link OpenHandsResponses}), an answer that cannot be read and no answer at all each
     * end in an exception that says what OpenHands was asked ({@code what}: "who owns the key", "to ...").
     */
    private <T> T ask(String what, Function<OpenHandsApi, T> call) {
        OpenHandsApi api = api();
        try {
            return call.apply(api);
        } catch (ApiKeyRefused | OpenHandsUnavailable e) {
            throw asked(what, e);
        } catch (ProcessingException e) {
            throw failed(what, e);
        }
    }

    private static RuntimeException asked(String what, RuntimeException answer) {
        String said = answer.getMessage() + " when asked " + what;
        return answer instanceof OpenHandsUnavailable unavailable
                ? new OpenHandsUnavailable(said + (unavailable.status() >= 500 ? "; try again later." : "."),
                        unavailable.status())
                : new ApiKeyRefused(said + ".");
    }

    private OpenHandsUnavailable failed(String what, ProcessingException e) {
        if (OutboundClient.unreadableAnswer(e)) {
            return new OpenHandsUnavailable(
                    "OpenHands answered something this service cannot read when asked " + what + " ("
                            + rootCause(e) + ").");
        }
        return unreachable(e);
    }

    private OpenHandsUnavailable unreachable(ProcessingException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SSLException) {
                return new OpenHandsUnavailable(
                        "OpenHands' TLS certificate at " + baseUri() + " is not trusted (" + rootCause(e)
                                + "). Add the certificate of the CA that issued it to " + SettingsKeys.TRUSTED_CA
                                + " (Additional Trusted CA Certificates, for Jira and OpenHands) and redeploy.");
            }
        }
        return new OpenHandsUnavailable("Cannot reach OpenHands at " + baseUri() + " (" + rootCause(e) + "); check "
                + SettingsKeys.API_URL + " and the network between this service and OpenHands.");
    }

    private OpenHandsApi api() {
        return restClient.at(baseUri(), settings.trustedCertificates());
    }

    private static String bearer(String apiKey) {
        return "Bearer " + apiKey;
    }

    private URI baseUri() {
        return settings.apiUrl().orElseThrow(() -> new OpenHandsUnavailable(
                "The OpenHands address is not configured: set " + SettingsKeys.APP_URL + "."));
    }

    private static Throwable root(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String rootCause(Throwable e) {
        Throwable cause = root(e);
        return cause.getClass().getSimpleName() + (cause.getMessage() != null ? ": " + cause.getMessage() : "");
    }
}
