package dev.openhands.jiradc.openhands.boundary;

import static dev.openhands.jiradc.platform.Jsons.JSON;

import dev.openhands.jiradc.openhands.control.OpenHandsApi;
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
import dev.openhands.jiradc.platform.ProcessingContext;
import dev.openhands.jiradc.platform.TrustedCaContext;
import dev.openhands.jiradc.settings.entity.GitProvider;
import dev.openhands.jiradc.settings.entity.IntegrationSettings;
import dev.openhands.jiradc.settings.entity.SettingsKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.net.ssl.SSLException;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/** Every call this service makes to OpenHands goes through here, so an API change touches one class. */
@ApplicationScoped
public class OpenHands {

    private static final Logger LOG = ProcessingContext.logger(OpenHands.class);

    /** Enough to find {@code org/repo} among repositories whose names contain it, few enough never to be a listing. */
    static final int REPOSITORY_MATCHES = 20;

    @Inject
    Metrics metrics;

    @Inject
    IntegrationSettings settings;

    private volatile OpenHandsApi api;

    /** @throws ApiKeyRefused when OpenHands does not accept the key; OpenHandsUnavailable when it cannot say */
    public OpenHandsUser userOf(String apiKey) {
        try (Response response = api().currentUser("Bearer " + apiKey)) {
            int status = response.getStatus();
            if (status == 401 || status == 403) {
                throw new ApiKeyRefused("OpenHands did not accept this API key. Create a new one in OpenHands under"
                        + " Settings > API Keys and paste it here.");
            }
            if (status != 200) {
                throw new OpenHandsUnavailable("OpenHands answered " + status + " when asked who owns the key; try again later.");
            }
            JsonObject user = response.readEntity(JsonObject.class);
            return new OpenHandsUser(user.getString("id", ""), string(user, "email"));
        } catch (ProcessingException e) {
            throw unreachable(e);
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
            try (Response response = api().searchRepositories("Bearer " + apiKey, provider.apiName(), repository, REPOSITORY_MATCHES)) {
                int status = response.getStatus();
                if (status == 400 || status == 401 || status == 403) {
                    // OpenHands answers so when it holds no Git token for the provider; a refused key is told apart by asking whose it is
                    if (notConnected.isEmpty()) {
                        userOf(apiKey);
                    }
                    notConnected.add(provider);
                    continue;
                }
                Optional<String> match = read(response, "look up the repository " + repository + " on " + provider.displayName())
                        instanceof JsonObject page && page.get("items") instanceof JsonArray items
                        ? items.stream().filter(JsonObject.class::isInstance).map(item -> item.asJsonObject().getString("full_name", ""))
                                .filter(repository::equalsIgnoreCase).findFirst()
                        : Optional.empty();
                if (match.isPresent()) {
                    return new RepositoryLookup.Found(match.get(), provider);
                }
                searched.add(provider);
            } catch (OpenHandsUnavailable e) {
                LOG.warning(() -> e.getMessage());
                failure = e;
            } catch (ProcessingException e) {
                throw unreachable(e);
            }
        }
        if (searched.isEmpty() && failure != null) {
            // no provider could be searched: an outage, tried again, not "no access"
            throw failure;
        }
        return searched.isEmpty() ? new RepositoryLookup.GitNotConnected(notConnected) : new RepositoryLookup.NotFound(searched);
    }

    /** The provider the person signed in to OpenHands with, when OpenHands says. */
    private Optional<GitProvider> activeProvider(String apiKey) {
        try (Response response = api().gitOrganizations("Bearer " + apiKey)) {
            if (response.getStatus() != 200) {
                return Optional.empty();
            }
            return response.readEntity(JsonValue.class) instanceof JsonObject answer
                    ? string(answer, "provider").flatMap(GitProvider::byApiName) : Optional.empty();
        } catch (ProcessingException e) {
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
    public StartTask startConversation(String apiKey, String conversationId, RepositoryLookup.Found repository, String title,
            String message) {
        JsonObject request = JSON.createObjectBuilder()
                .add("conversation_id", conversationId)
                .add("title", title)
                .add("selected_repository", repository.fullName())
                .add("git_provider", repository.provider().apiName())
                .add("initial_message", JSON.createObjectBuilder()
                        .add("role", "user")
                        .add("content", JSON.createArrayBuilder().add(JSON.createObjectBuilder().add("type", "text").add("text", message))))
                .build();
        try (Response response = api().startConversation("Bearer " + apiKey, request)) {
            return startTask(read(response, "start a conversation").asJsonObject());
        } catch (ProcessingException e) {
            if (root(e) instanceof ConnectException) {
                throw unreachable(e);
            }
            throw new StartUnanswered("No answer from OpenHands at " + baseUri() + " when asked to start a conversation ("
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
            try (Response response = api().searchStartTasks("Bearer " + apiKey, since, "CREATED_AT", page, 100)) {
                if (!(read(response, "search its start tasks") instanceof JsonObject found)
                        || !(found.get("items") instanceof JsonArray items)) {
                    throw new OpenHandsUnavailable("OpenHands answered an unexpected page of start tasks.");
                }
                Optional<StartTask> made = items.stream().filter(JsonObject.class::isInstance).map(JsonValue::asJsonObject)
                        .filter(task -> sameId(conversationId, task.get("request") instanceof JsonObject request
                                ? string(request, "conversation_id") : Optional.empty())
                                || sameId(conversationId, string(task, "app_conversation_id")))
                        .map(OpenHands::startTask).findFirst();
                page = string(found, "next_page_id").orElse(null);
                if (made.isPresent() || page == null) {
                    return made;
                }
            } catch (ProcessingException e) {
                throw unreachable(e);
            }
        }
        LOG.warning(() -> "More than " + START_TASK_PAGES + " pages of start tasks since " + since + "; the start of "
                + conversationId + " was not among them");
        return Optional.empty();
    }

    /** OpenHands writes UUIDs with or without dashes. */
    private static boolean sameId(String id, Optional<String> other) {
        return other.filter(value -> value.replace("-", "").equalsIgnoreCase(id.replace("-", ""))).isPresent();
    }

    /** The start task as it is now; empty when OpenHands does not know it. */
    public Optional<StartTask> startTask(String apiKey, String id) {
        try (Response response = api().startTasks("Bearer " + apiKey, id)) {
            return read(response, "look at the start task " + id).asJsonArray().stream()
                    .filter(JsonObject.class::isInstance).map(task -> startTask(task.asJsonObject()))
                    .filter(task -> task.id().equals(id)).findFirst();
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    private static StartTask startTask(JsonObject task) {
        return new StartTask(task.getString("id", ""), task.getString("status", ""), string(task, "app_conversation_id"),
                string(task, "detail"));
    }

    /** The conversation as it is now; empty when OpenHands does not know it (deleted). */
    public Optional<Conversation> conversation(String apiKey, String id) {
        try (Response response = api().conversations("Bearer " + apiKey, id)) {
            return read(response, "look at the conversation " + id).asJsonArray().stream()
                    .filter(JsonObject.class::isInstance).map(JsonValue::asJsonObject)
                    .filter(conversation -> id.equals(conversation.getString("id", "")))
                    .map(conversation -> new Conversation(id, string(conversation, "execution_status"),
                            conversation.getString("sandbox_status", "MISSING"),
                            conversation.get("pr_number") instanceof JsonArray numbers
                                    ? numbers.getValuesAs(JsonNumber.class).stream().map(JsonNumber::intValue).toList()
                                    : List.of(),
                            string(conversation, "git_provider"), string(conversation, "selected_repository")))
                    .findFirst();
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    /**
     * The conversation's newest events, newest first.
     *
     * @throws EventsNotServed when this OpenHands does not serve the events of a conversation it knows
     */
    public List<ConversationEvent> newestEvents(String apiKey, String conversationId, int limit) {
        try (Response response = api().events("Bearer " + apiKey, conversationId, "TIMESTAMP_DESC", limit)) {
            if (response.getStatus() == 404) {
                throw new EventsNotServed("OpenHands at " + baseUri() + " answered 404 to GET /api/v1/conversation/"
                        + conversationId + "/events/search: it does not serve the V1 events API this service follows jobs with");
            }
            JsonValue page = read(response, "read the events of the conversation " + conversationId);
            if (!(page instanceof JsonObject object) || !(object.get("items") instanceof JsonArray items)) {
                throw new OpenHandsUnavailable("OpenHands answered an unexpected event page for the conversation " + conversationId + ".");
            }
            return items.stream().filter(JsonObject.class::isInstance).map(event -> event(event.asJsonObject())).toList();
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    private static ConversationEvent event(JsonObject event) {
        String id = event.getString("id", "");
        String kind = event.getString("kind", "");
        boolean byAgent = "agent".equals(event.getString("source", ""));
        if (kind.equals("ActionEvent") && byAgent && "finish".equals(event.getString("tool_name", ""))
                && event.get("action") instanceof JsonObject action) {
            return new ConversationEvent(id, ConversationEvent.Kind.FINISH, string(action, "message"));
        }
        if (kind.equals("MessageEvent") && byAgent && event.get("llm_message") instanceof JsonObject message
                && message.get("content") instanceof JsonArray content) {
            String text = content.stream().filter(JsonObject.class::isInstance).map(JsonValue::asJsonObject)
                    .filter(part -> "text".equals(part.getString("type", ""))).map(part -> part.getString("text", ""))
                    .reduce((a, b) -> a + "\n" + b).orElse("");
            return new ConversationEvent(id, ConversationEvent.Kind.AGENT_MESSAGE, Optional.of(text).filter(t -> !t.isBlank()));
        }
        if (kind.equals("AgentErrorEvent") || kind.equals("ConversationErrorEvent")) {
            return new ConversationEvent(id, ConversationEvent.Kind.ERROR, string(event, "error").or(() -> string(event, "detail")));
        }
        return new ConversationEvent(id, ConversationEvent.Kind.OTHER, Optional.empty());
    }

    /**
     * Sends a follow-up message to a conversation.
     *
     * @return false when the conversation cannot take it now (unknown, its sandbox paused, gone or failing)
     */
    public boolean sendMessage(String apiKey, String conversationId, String text) {
        JsonObject message = JSON.createObjectBuilder().add("role", "user")
                .add("content", JSON.createArrayBuilder().add(JSON.createObjectBuilder().add("type", "text").add("text", text)))
                .add("run", true).build();
        try (Response response = api().sendMessage("Bearer " + apiKey, conversationId, message)) {
            int status = response.getStatus();
            if (status == 404 || status == 409 || status == 410 || status == 502 || status == 503) {
                return false;
            }
            read(response, "pass a message to the conversation " + conversationId);
            return true;
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    private static Optional<String> string(JsonObject object, String name) {
        return object.get(name) instanceof JsonString value ? Optional.of(value.getString()) : Optional.empty();
    }

    private static JsonValue read(Response response, String what) {
        int status = response.getStatus();
        if (status == 401 || status == 403) {
            throw new ApiKeyRefused("OpenHands did not accept the API key (" + status + ") when asked to " + what + ".");
        }
        if (status < 200 || status >= 300) {
            String body = response.hasEntity() ? response.readEntity(String.class) : "";
            throw new OpenHandsUnavailable("OpenHands answered " + status + " when asked to " + what
                    + (body.isBlank() ? "." : ": " + body.lines().findFirst().orElse("")));
        }
        try {
            return response.readEntity(JsonValue.class);
        } catch (RuntimeException e) {
            throw new OpenHandsUnavailable("OpenHands answered something other than JSON when asked to " + what + ".");
        }
    }

    private OpenHandsUnavailable unreachable(ProcessingException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SSLException) {
                return new OpenHandsUnavailable("OpenHands' TLS certificate at " + baseUri() + " is not trusted (" + rootCause(e)
                        + "). Add the certificate of the CA that issued it to " + SettingsKeys.TRUSTED_CA
                        + " (Additional Trusted CA Certificates, for Jira and OpenHands) and redeploy.");
            }
        }
        return new OpenHandsUnavailable("Cannot reach OpenHands at " + baseUri() + " (" + rootCause(e) + "); check "
                + SettingsKeys.API_URL + " and the network between this service and OpenHands.");
    }

    private OpenHandsApi api() {
        if (api == null) {
            api = RestClientBuilder.newBuilder()
                    .baseUri(baseUri())
                    .sslContext(TrustedCaContext.with(settings.trustedCertificates()))
                    .connectTimeout(5, TimeUnit.SECONDS)
                    .readTimeout(30, TimeUnit.SECONDS)
                    .property("microprofile.rest.client.disable.default.mapper", true)
                    // Jersey's default (a buffered body over HttpURLConnection) sends a POST again, unasked, when the
                    // first answer is lost: a second conversation. A streamed body is never sent twice.
                    .property("jersey.config.client.request.entity.processing", "CHUNKED")
                    .register(new CallTimer(metrics, "openhands"))
                    .build(OpenHandsApi.class);
        }
        return api;
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
