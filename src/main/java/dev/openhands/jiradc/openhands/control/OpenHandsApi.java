package dev.openhands.jiradc.openhands.control;

import dev.openhands.jiradc.openhands.entity.Conversation;
import dev.openhands.jiradc.openhands.entity.ConversationEvent;
import dev.openhands.jiradc.openhands.entity.OpenHandsUser;
import dev.openhands.jiradc.openhands.entity.StartTask;
import dev.openhands.jiradc.settings.entity.GitProvider;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The OpenHands app server's REST API; every call carries the user's API key as a bearer token. Its answers are the
 * records below, named after the schemas of OpenHands' published API description and holding only what this service
 * reads (JSON-B ignores the rest); an error answer is an exception, made by {@link OpenHandsResponses}.
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public interface OpenHandsApi {

    /** The user the key belongs to. */
    @GET
    @Path("v1/users/me")
    SaasUserInfo currentUser(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer);

    /** A targeted search, on one Git provider, for repositories the user can reach; never a full listing. */
    @GET
    @Path("v1/git/repositories/search")
    RepositoryPage searchRepositories(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer,
            @QueryParam("provider") String provider,
            @QueryParam("query") String query, @QueryParam("limit") int limit);

    /** The Git provider the user works with in OpenHands, and their organisations there. */
    @GET
    @Path("v1/users/git-organizations")
    GitOrganizationsResponse gitOrganizations(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer);

    /** Starts a conversation; the answer is a start task to follow until READY or ERROR. */
    @POST
    @Path("v1/app-conversations")
    @Consumes(MediaType.APPLICATION_JSON)
    AppConversationStartTask startConversation(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer,
            AppConversationStartRequest request);

    /** The start tasks with these ids, {@code null} for an unknown id. */
    @GET
    @Path("v1/app-conversations/start-tasks")
    List<AppConversationStartTask> startTasks(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer,
            @QueryParam("ids") String ids);

    /** The user's start tasks created since a time, oldest first. */
    @GET
    @Path("v1/app-conversations/start-tasks/search")
    AppConversationStartTaskPage searchStartTasks(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer,
            @QueryParam("created_at__gte") String since, @QueryParam("sort_order") String sortOrder,
            @QueryParam("page_id") String pageId, @QueryParam("limit") int limit);

    /** The conversations with these ids, {@code null} for an unknown id. */
    @GET
    @Path("v1/app-conversations")
    List<AppConversation> conversations(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer,
            @QueryParam("ids") String ids);

    /** A page of a conversation's events. */
    @GET
    @Path("v1/conversation/{id}/events/search")
    EventPage events(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("id") String conversationId,
            @QueryParam("sort_order") String sortOrder, @QueryParam("limit") int limit);

    /**
     * A follow-up message to a conversation; 404, 409 (paused), 410 (archived), 502 and 503 when its sandbox cannot
     * take it.
     */
    @POST
    @Path("v1/app-conversations/{id}/send-message")
    @Consumes(MediaType.APPLICATION_JSON)
    AppSendMessageResponse sendMessage(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer,
            @PathParam("id") String conversationId,
            AppSendMessageRequest message);

    /**
     * Deletes a conversation and, unless another conversation uses it, its sandbox: the agent stops. (The update of a
     * conversation, {@code PATCH}, changes only its title and repository: it cannot stop it.)
     */
    @DELETE
    @Path("v1/app-conversations/{id}")
    Success deleteConversation(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer,
            @PathParam("id") String conversationId);

    /** {@code Success}. */
    record Success(Boolean success) {
    }

    /** {@code SaasUserInfo}: whose key it is. */
    record SaasUserInfo(String id, String email) {

        public OpenHandsUser user() {
            return new OpenHandsUser(id == null ? "" : id, Optional.ofNullable(email));
        }
    }

    /** {@code RepositoryPage}. */
    record RepositoryPage(List<Repository> items) {

        public Stream<String> fullNames() {
            return items == null ? Stream.empty()
                    : items.stream().filter(Objects::nonNull).map(Repository::fullName).filter(Objects::nonNull);
        }
    }

    /** {@code Repository}: its name as the Git host spells it. */
    record Repository(@JsonbProperty("full_name") String fullName) {
    }

    /** {@code GitOrganizationsResponse}. */
    record GitOrganizationsResponse(String provider) {

        public Optional<GitProvider> gitProvider() {
            return Optional.ofNullable(provider).flatMap(GitProvider::byApiName);
        }
    }

    /**
     * {@code AppConversationStartRequest}: a start asked for, under a conversation id of this service's choosing, and
     * as a start task shows it again.
     */
    record AppConversationStartRequest(@JsonbProperty("conversation_id") String conversationId, String title,
            @JsonbProperty("selected_repository") String selectedRepository,
            @JsonbProperty("git_provider") String gitProvider,
            @JsonbProperty("initial_message") SendMessageRequest initialMessage) {
    }

    /** {@code SendMessageRequest}: the first message of a conversation. */
    record SendMessageRequest(String role, List<TextContent> content) {

        public static SendMessageRequest user(String text) {
            return new SendMessageRequest("user", List.of(TextContent.of(text)));
        }
    }

    /** {@code AppSendMessageRequest}: a follow-up, which the agent acts on at once ({@code run}). */
    record AppSendMessageRequest(String role, List<TextContent> content, boolean run) {

        public static AppSendMessageRequest user(String text) {
            return new AppSendMessageRequest("user", List.of(TextContent.of(text)), true);
        }
    }

    /** {@code AppSendMessageResponse}. */
    record AppSendMessageResponse(Boolean success) {
    }

    /** {@code TextContent}, or another content whose {@code type} is not {@code text}. */
    record TextContent(String type, String text) {

        public static TextContent of(String text) {
            return new TextContent("text", text);
        }
    }

    /** {@code AppConversationStartTask}. */
    record AppConversationStartTask(String id, StartTask.Status status,
            @JsonbProperty("app_conversation_id") String appConversationId, String detail,
            AppConversationStartRequest request) {

        public AppConversationStartTask {
            status = status == null ? StartTask.Status.UNKNOWN : status;
        }

        public StartTask task() {
            return new StartTask(id == null ? "" : id, status, Optional.ofNullable(appConversationId),
                    Optional.ofNullable(detail));
        }

        /** Whether it is the start asked for under this conversation id, or of that conversation. */
        public boolean madeFor(String conversationId) {
            return sameId(conversationId, request == null ? null : request.conversationId())
                    || sameId(conversationId, appConversationId);
        }

        /** OpenHands writes UUIDs with or without dashes. */
        private static boolean sameId(String id, String other) {
            return other != null && other.replace("-", "").equalsIgnoreCase(id.replace("-", ""));
        }
    }

    /** {@code AppConversationStartTaskPage}. */
    record AppConversationStartTaskPage(List<AppConversationStartTask> items,
            @JsonbProperty("next_page_id") String nextPageId) {

        public AppConversationStartTaskPage {
            if (items == null) {
                throw new IllegalArgumentException("a page of start tasks without its items");
            }
        }
    }

    /** {@code AppConversation}; a missing {@code sandbox_status} is {@code MISSING}, as the description says. */
    record AppConversation(String id, @JsonbProperty("execution_status") Conversation.ExecutionStatus executionStatus,
            @JsonbProperty("sandbox_status") Conversation.SandboxStatus sandboxStatus,
            @JsonbProperty("pr_number") List<Integer> prNumber, @JsonbProperty("git_provider") String gitProvider,
            @JsonbProperty("selected_repository") String selectedRepository) {

        public Conversation conversation() {
            return new Conversation(id, Optional.ofNullable(executionStatus),
                    sandboxStatus == null ? Conversation.SandboxStatus.MISSING : sandboxStatus,
                    prNumber == null ? List.of() : prNumber.stream().filter(Objects::nonNull).toList(),
                    Optional.ofNullable(gitProvider), Optional.ofNullable(selectedRepository));
        }
    }

    /** {@code EventPage}. */
    record EventPage(List<Event> items) {

        public EventPage {
            if (items == null) {
                throw new IllegalArgumentException("a page of events without its items");
            }
        }

        public List<ConversationEvent> events() {
            return items.stream().filter(Objects::nonNull).map(Event::event).toList();
        }
    }

    /**
     * One of the kinds of {@code Event}, with the fields of those a report reads: {@code ActionEvent} (the agent's
     * {@code finish} call), {@code MessageEvent}, {@code AgentErrorEvent} and {@code ConversationErrorEvent}.
     */
    record Event(String id, String kind, String source, @JsonbProperty("tool_name") String toolName,
            FinishAction action,
            @JsonbProperty("llm_message") Message llmMessage, String error, String detail) {

        /**
         * What a report needs of it: the agent's final words (its finish call, or a message of its own) or an error's
         * text.
         */
        public ConversationEvent event() {
            String eventId = id == null ? "" : id;
            boolean byAgent = "agent".equals(source);
            if ("ActionEvent".equals(kind) && byAgent && "finish".equals(toolName) && action != null) {
                return new ConversationEvent(eventId, ConversationEvent.Kind.FINISH,
                        Optional.ofNullable(action.message()));
            }
            if ("MessageEvent".equals(kind) && byAgent && llmMessage != null && llmMessage.content() != null) {
                String text = llmMessage.content().stream().filter(part -> part != null && "text".equals(part.type()))
                        .map(part -> Objects.requireNonNullElse(part.text(), "")).collect(Collectors.joining("\n"));
                return new ConversationEvent(eventId, ConversationEvent.Kind.AGENT_MESSAGE,
                        Optional.of(text).filter(t -> !t.isBlank()));
            }
            if ("AgentErrorEvent".equals(kind) || "ConversationErrorEvent".equals(kind)) {
                return new ConversationEvent(eventId, ConversationEvent.Kind.ERROR,
                        Optional.ofNullable(error).or(() -> Optional.ofNullable(detail)));
            }
            return new ConversationEvent(eventId, ConversationEvent.Kind.OTHER, Optional.empty());
        }
    }

    /** {@code FinishAction}: the agent's closing message (the only action whose fields are read). */
    record FinishAction(String message) {
    }

    /** {@code Message}. */
    record Message(List<TextContent> content) {
    }
}
