package dev.openhands.jiradc.simulator;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.openhands.jiradc.testing.openhands.OpenHandsConversations;
import dev.openhands.jiradc.testing.openhands.OpenHandsUsers;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OpenHands' API as the service calls it, in the shapes of OpenHands' published API description (built by the same
 * {@link OpenHandsConversations} and {@link OpenHandsUsers} the tests use, and judged by the same contract check):
 * every API key belongs to the developer; a start is a task that is {@code READY} after a moment, whose conversation
 * runs a few seconds and then ends as the {@link Ending} chosen on the page when it started.
 */
final class SimulatedOpenHands implements ResponseDefinitionTransformerV2 {

    static final String NAME = "simulated-openhands";
    static final String EMAIL = "developer@example.com";
    private static final Pattern EVENTS = Pattern.compile("/api/v1/conversation/([^/]+)/events/search");
    private static final Pattern SEND = Pattern.compile("/api/v1/app-conversations/([^/]+)/send-message");

    /** How the simulated agent's conversations end: the page's scenario switch. */
    enum Ending {
        PULL_REQUEST("finishes with a summary and a pull request"), FAILS("fails with an error"), STUCK(
                "gets stuck"),
        ASKS("asks a follow-up question");

        final String words;

        Ending(String words) {
            this.words = words;
        }
    }

    /** One start: its task, its conversation, and when each step happens. */
    private record Run(String taskId, String conversationId, String userId, String repository, Instant started,
            Ending ending,
            int pullRequest, Instant endsAt) {

        Run withEndAt(Instant at) {
            return new Run(taskId, conversationId, userId, repository, started, ending, pullRequest, at);
        }
    }

    private final Duration ready;
    private final Duration running;
    private volatile Ending ending = Ending.PULL_REQUEST;
    private final Map<String, Run> byTask = new ConcurrentHashMap<>();
    private final Map<String, Run> byConversation = new ConcurrentHashMap<>();
    private final AtomicInteger pullRequests = new AtomicInteger(41);

    /**
     * @param ready how long a start task works before its conversation is there; @param running how long the agent
     * works
     */
    SimulatedOpenHands(Duration ready, Duration running) {
        this.ready = ready;
        this.running = running;
    }

    Ending ending() {
        return ending;
    }

    void endWith(Ending ending) {
        this.ending = ending;
    }

    int conversations() {
        return byConversation.size();
    }

    /** A conversation as OpenHands' web app shows it: where it works, how far it is, and what the agent said. */
    record Shown(String id, String repository, String status, List<String> said) {
    }

    /** The conversation a bot comment links, as a person opening the link sees it; empty until the start made it. */
    Optional<Shown> shown(String conversationId) {
        Instant now = Instant.now();
        return Optional.ofNullable(byConversation.get(conversationId)).filter(run -> conversationExists(run, now))
                .map(run -> {
                    List<String> said = new ArrayList<>(
                            events(run, now).stream().map(SimulatedOpenHands::words).toList());
                    Collections.reverse(said);
                    return new Shown(run.conversationId(), run.repository(),
                            conversation(run, now).getString("execution_status"), said);
                });
    }

    /** What an event says, as the web app shows it. */
    private static String words(JsonObject event) {
        return switch (event.getString("kind")) {
            case "MessageEvent" -> "Agent: " + event.getJsonObject("llm_message").getJsonArray("content")
                    .getJsonObject(0).getString("text");
            case "ActionEvent" -> "Agent (finished): " + event.getJsonObject("action").getString("message");
            case "ConversationErrorEvent" -> "Error: " + event.getString("detail");
            default -> "Ran " + event.getJsonObject("observation").getString("command", "a command");
        };
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        LoggedRequest request = event.getRequest();
        String method = request.getMethod().getName();
        String path = Answers.path(request.getUrl());
        String key = Answers.bearer(request.getHeader("Authorization"));
        if (key.isBlank()) {
            return detail(401, "Not authenticated");
        }
        String userId = OpenHandsUsers.idOf(key);
        Instant now = Instant.now();
        if (path.equals("/api/v1/users/me")) {
            return ok(OpenHandsUsers.me(userId, EMAIL));
        }
        if (path.equals("/api/v1/users/git-organizations")) {
            return ok("{\"provider\":\"github\",\"organizations\":[\"acme\"]}");
        }
        if (path.equals("/api/v1/git/repositories/search")) {
            return ok(repositoryPage(query(request, "query")));
        }
        if (path.equals("/api/v1/app-conversations") && method.equals("POST")) {
            return ok(start(userId, read(request.getBodyAsString()), now).toString());
        }
        if (path.equals("/api/v1/app-conversations/start-tasks")) {
            return ok(
                    batch(request, id -> Optional.ofNullable(byTask.get(id)).filter(run -> run.userId().equals(userId))
                            .map(run -> task(run, now))));
        }
        if (path.equals("/api/v1/app-conversations")) {
            return ok(batch(request,
                    id -> Optional.ofNullable(byConversation.get(id)).filter(run -> run.userId().equals(userId))
                            .filter(run -> conversationExists(run, now)).map(run -> conversation(run, now))));
        }
        Matcher events = EVENTS.matcher(path);
        if (events.matches()) {
            Optional<Run> run = Optional.ofNullable(byConversation.get(events.group(1)))
                    .filter(found -> found.userId().equals(userId));
            if (run.isEmpty()) {
                return detail(404, "Conversation not found");
            }
            int limit = Integer.parseInt(
                    Optional.ofNullable(query(request, "limit")).filter(value -> !value.isEmpty()).orElse("100"));
            List<JsonObject> newestFirst = events(run.get(), now);
            return ok(OpenHandsConversations
                    .eventPage(newestFirst.subList(0, Math.min(limit, newestFirst.size())).toArray(JsonObject[]::new)));
        }
        Matcher send = SEND.matcher(path);
        if (send.matches() && method.equals("POST")) {
            Run run = byConversation.get(send.group(1));
            if (run == null || !run.userId().equals(userId)) {
                return detail(404, "Conversation not found");
            }
            // a follow-up keeps the agent busy a little longer
            Run longer = run.withEndAt(now.plus(running));
            byConversation.put(run.conversationId(), longer);
            byTask.put(run.taskId(), longer);
            return ok("{\"success\":true}");
        }
        return detail(404, "Not Found");
    }

    private JsonObject start(String userId, JsonObject request, Instant now) {
        String conversationId = request.get("conversation_id") instanceof JsonString given ? given.getString()
                : UUID.randomUUID().toString();
        String repository = request.getString("selected_repository", "acme/web-app");
        Ending chosen = ending;
        Run run = new Run(UUID.randomUUID().toString(), conversationId, userId, repository, now, chosen,
                chosen == Ending.PULL_REQUEST ? pullRequests.incrementAndGet() : 0, now.plus(ready).plus(running));
        byTask.put(run.taskId(), run);
        byConversation.put(conversationId, run);
        System.out.println("[simulator] OpenHands starts a conversation in " + repository + "; it " + chosen.words);
        return OpenHandsConversations.startTask(userId, repository, run.taskId(), "WORKING", null, null);
    }

    private boolean conversationExists(Run run, Instant now) {
        return !now.isBefore(run.started().plus(ready));
    }

    private JsonObject task(Run run, Instant now) {
        return conversationExists(run, now)
                ? OpenHandsConversations.startTask(run.userId(), run.repository(), run.taskId(), "READY",
                        run.conversationId(), null)
                : OpenHandsConversations.startTask(run.userId(), run.repository(), run.taskId(), "WORKING", null, null);
    }

    private JsonObject conversation(Run run, Instant now) {
        if (now.isBefore(run.endsAt())) {
            return OpenHandsConversations.conversation(run.userId(), run.repository(), run.conversationId(), "running",
                    "RUNNING");
        }
        return switch (run.ending()) {
            case PULL_REQUEST ->
                OpenHandsConversations.conversation(run.userId(), run.repository(), run.conversationId(), "finished",
                        "RUNNING", run.pullRequest());
            case FAILS -> OpenHandsConversations.conversation(run.userId(), run.repository(), run.conversationId(),
                    "error", "RUNNING");
            case STUCK -> OpenHandsConversations.conversation(run.userId(), run.repository(), run.conversationId(),
                    "stuck", "RUNNING");
            case ASKS -> OpenHandsConversations.conversation(run.userId(), run.repository(), run.conversationId(),
                    "finished", "RUNNING");
        };
    }

    /** Newest first. */
    private List<JsonObject> events(Run run, Instant now) {
        List<JsonObject> oldestFirst = new ArrayList<>();
        oldestFirst.add(OpenHandsConversations.agentMessage("e1", "Reading the issue and the login form's code."));
        oldestFirst.add(OpenHandsConversations.observation("e2"));
        if (!now.isBefore(run.endsAt())) {
            oldestFirst.add(switch (run.ending()) {
                case PULL_REQUEST ->
                    OpenHandsConversations.finish("e3", "Fixed the crash: the login form now checks for an empty"
                            + " password before it hashes it, and says **Please enter your password** instead of a"
                            + " stack trace.\n\n"
                            + "- `LoginForm.validate()` returns the message\n- a test for the empty password in"
                            + " `LoginFormTest`\n\n"
                            + "I opened a pull request with the change.");
                case FAILS ->
                    OpenHandsConversations.error("e3", "The language model refused the request three times in a row"
                            + " (rate limit); try again later.");
                case STUCK -> OpenHandsConversations.agentMessage("e3",
                        "Running the tests again to see whether they still fail.");
                case ASKS -> OpenHandsConversations.finish("e3",
                        "I found two login forms, `web/login.html` and `admin/login.html`."
                                + " Which one crashes? Answer with @openhands and I will go on.");
            });
        }
        Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    private static String batch(LoggedRequest request, Function<String, Optional<JsonObject>> find) {
        JsonArrayBuilder answers = Json.createArrayBuilder();
        var ids = request.queryParameter("ids");
        if (ids.isPresent()) {
            for (String id : ids.values()) {
                answers.add(find.apply(id).map(JsonValue.class::cast).orElse(JsonValue.NULL));
            }
        }
        return answers.build().toString();
    }

    private static String repositoryPage(String fullName) {
        JsonArrayBuilder items = Json.createArrayBuilder();
        if (fullName != null && fullName.matches("[\\w.-]+/[\\w.-]+")) {
            items.add(Json.createObjectBuilder().add("id", String.valueOf(Math.abs(fullName.hashCode())))
                    .add("full_name", fullName)
                    .add("git_provider", "github").add("is_public", false));
        }
        return Json.createObjectBuilder().add("items", items).addNull("next_page_id").build().toString();
    }

    private static String query(LoggedRequest request, String name) {
        var parameter = request.queryParameter(name);
        return parameter.isPresent() ? parameter.firstValue() : null;
    }

    private static JsonObject read(String body) {
        return Json.createReader(new StringReader(body == null || body.isBlank() ? "{}" : body)).readObject();
    }

    private static ResponseDefinition ok(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withHeader(Answers.MARKER, "openhands")
                .withBody(body).build();
    }

    private static ResponseDefinition detail(int status, String detail) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withHeader(Answers.MARKER, "openhands")
                .withBody(Json.createObjectBuilder().add("detail", detail).build().toString()).build();
    }
}
