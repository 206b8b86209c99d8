package dev.openhands.jiradc.openhands.control;

import static org.junit.jupiter.api.Assertions.*;

import dev.openhands.jiradc.openhands.control.OpenHandsApi.AppConversation;
import dev.openhands.jiradc.openhands.control.OpenHandsApi.AppConversationStartRequest;
import dev.openhands.jiradc.openhands.control.OpenHandsApi.AppConversationStartTask;
import dev.openhands.jiradc.openhands.control.OpenHandsApi.AppConversationStartTaskPage;
import dev.openhands.jiradc.openhands.control.OpenHandsApi.EventPage;
import dev.openhands.jiradc.openhands.control.OpenHandsApi.SendMessageRequest;
import dev.openhands.jiradc.openhands.entity.ApiKeyRefused;
import dev.openhands.jiradc.openhands.entity.Conversation;
import dev.openhands.jiradc.openhands.entity.Conversation.ExecutionStatus;
import dev.openhands.jiradc.openhands.entity.Conversation.SandboxStatus;
import dev.openhands.jiradc.openhands.entity.ConversationEvent;
import dev.openhands.jiradc.openhands.entity.ConversationEvent.Kind;
import dev.openhands.jiradc.openhands.entity.OpenHandsUnavailable;
import dev.openhands.jiradc.openhands.entity.StartTask;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenHands REST client's answers as JSON-B (Yasson, as on the three servers) reads them: OpenHands' field names,
 * what is left out ignored, a status OpenHands' description does not list read as {@code UNKNOWN} rather than
 * failing the whole answer, and an answer without what it must have refused in words.
 */
class OpenHandsAnswersTest {

    static final Jsonb JSONB = JsonbBuilder.create();
    static final String TASK = "0b6a2a4c-55d4-4f0e-9d63-2c1b8e3f1a10";
    static final String CONVERSATION = "9e1f6a0c-4a7b-4f9e-8b8e-1f2d3c4b5a69";

    @AfterAll
    static void close() throws Exception {
        JSONB.close();
    }

    @Test
    void aStartTaskIsReadWithItsStatusItsConversationAndTheRequestItWasMadeFor() {
        AppConversationStartTask task = JSONB.fromJson(
                "{\"id\":\"" + TASK + "\",\"created_by_user_id\":\"u1\",\"status\":\"READY\","
                        + "\"detail\":null,\"app_conversation_id\":\"" + CONVERSATION.replace("-", "")
                        + "\",\"sandbox_id\":\"s1\","
                        + "\"agent_server_url\":\"http://sandbox\",\"request\":{\"conversation_id\":\"" + CONVERSATION
                        + "\","
                        + "\"selected_repository\":\"acme/web-app\",\"pr_number\":[],\"agent_type\":\"default\"},"
                        + "\"created_at\":\"2026-11-29T10:00:00Z\",\"updated_at\":\"2026-11-29T10:00:00Z\"}",
                AppConversationStartTask.class);

        assertEquals(
                new StartTask(TASK, StartTask.Status.READY, Optional.of(CONVERSATION.replace("-", "")),
                        Optional.empty()),
                task.task());
        assertTrue(task.madeFor(CONVERSATION), "asked under this id");
        assertTrue(task.madeFor(CONVERSATION.replace("-", "").toUpperCase()),
                "OpenHands writes UUIDs with or without dashes");
        assertFalse(task.madeFor(TASK));
    }

    @Test
    void aStartTaskStatusTheDescriptionDoesNotListIsUnknownAndSoIsAMissingOne() {
        assertEquals(StartTask.Status.UNKNOWN, task("{\"id\":\"t\",\"status\":\"WARMING_UP_THE_GPU\"}").status());
        assertEquals(StartTask.Status.UNKNOWN, task("{\"id\":\"t\"}").status());
        assertEquals(StartTask.Status.UNKNOWN, task("{\"id\":\"t\",\"status\":null}").status());
        assertEquals(StartTask.Status.WAITING_FOR_SANDBOX,
                task("{\"id\":\"t\",\"status\":\"WAITING_FOR_SANDBOX\"}").status());
        StartTask failed = task("{\"id\":\"t\",\"status\":\"ERROR\",\"detail\":\"No sandbox available\"}");
        assertTrue(failed.failed());
        assertEquals("OpenHands could not start the conversation (No sandbox available)", failed.failure());
    }

    @Test
    void startTasksAskedForByIdAreAListWithNullForAnIdOpenHandsDoesNotKnow() {
        List<AppConversationStartTask> tasks = JSONB.fromJson("[null,{\"id\":\"" + TASK + "\",\"status\":\"WORKING\"}]",
                listOf(AppConversationStartTask.class));
        assertNull(tasks.get(0));
        assertEquals(StartTask.Status.WORKING, tasks.get(1).task().status());
    }

    @Test
    void aConversationIsReadWithItsStatusesAndPullRequests() {
        Conversation running = conversation(
                "{\"id\":\"c\",\"sandbox_status\":\"RUNNING\",\"execution_status\":\"finished\","
                        + "\"pr_number\":[12,13],\"git_provider\":\"gitlab\",\"selected_repository\":\"acme/web-app\","
                        + "\"metrics\":{\"accumulated_cost\":0.5},\"tags\":{}}");
        assertEquals(
                new Conversation("c", Optional.of(ExecutionStatus.FINISHED), SandboxStatus.RUNNING, List.of(12, 13),
                        Optional.of("gitlab"), Optional.of("acme/web-app")),
                running);
        assertEquals("finished", running.executionStatus().orElseThrow().apiName());
    }

    @Test
    void anExecutionStatusIsKnownOnlyWhileTheSandboxRunsAndOneTheDescriptionDoesNotListIsUnknown() {
        Conversation paused = conversation("{\"id\":\"c\",\"sandbox_status\":\"PAUSED\",\"execution_status\":null}");
        assertEquals(Optional.empty(), paused.executionStatus());
        assertEquals(SandboxStatus.PAUSED, paused.sandboxStatus());
        assertEquals(Optional.of(ExecutionStatus.UNKNOWN),
                conversation("{\"id\":\"c\",\"execution_status\":\"hibernating\"}")
                        .executionStatus());
        assertEquals(SandboxStatus.UNKNOWN,
                conversation("{\"id\":\"c\",\"sandbox_status\":\"FROZEN\"}").sandboxStatus());
    }

    @Test
    void aMissingSandboxStatusIsMissingAsTheDescriptionSays() {
        Conversation gone = conversation("{\"id\":\"c\"}");
        assertEquals(SandboxStatus.MISSING, gone.sandboxStatus());
        assertTrue(gone.sandboxGone());
        assertEquals(List.of(), gone.pullRequests());
    }

    @Test
    void eventsAreReducedToTheAgentsFinalWordsAndErrors() {
        EventPage page = JSONB.fromJson("{\"items\":["
                + "{\"kind\":\"ActionEvent\",\"id\":\"e5\",\"source\":\"agent\",\"tool_name\":\"finish\","
                + "\"tool_call_id\":\"c5\","
                + "\"thought\":[],\"action\":{\"kind\":\"FinishAction\",\"message\":\"All done\"}},"
                + "{\"kind\":\"MessageEvent\",\"id\":\"e4\",\"source\":\"agent\","
                + "\"llm_message\":{\"role\":\"assistant\",\"content\":["
                + "{\"type\":\"text\",\"text\":\"Running\"},{\"type\":\"image\",\"image_urls\":[\"http://x/y.png\"]},"
                + "{\"type\":\"text\",\"text\":\"the tests\"}]}},"
                + "{\"kind\":\"MessageEvent\",\"id\":\"e3\",\"source\":\"user\",\"llm_message\":{\"role\":\"user\","
                + "\"content\":[]}},"
                + "{\"kind\":\"AgentErrorEvent\",\"id\":\"e2\",\"source\":\"agent\",\"tool_name\":\"terminal\","
                + "\"error\":\"quota\"},"
                + "{\"kind\":\"ConversationErrorEvent\",\"id\":\"e1\",\"source\":\"environment\",\"code\":\"LLMError\","
                + "\"detail\":\"provider down\"},"
                + "{\"kind\":\"ActionEvent\",\"id\":\"e0\",\"source\":\"agent\",\"tool_name\":\"terminal\","
                + "\"action\":{\"kind\":\"TerminalAction\",\"command\":\"ls\"}}],\"next_page_id\":null}",
                EventPage.class);
        assertEquals(List.of(new ConversationEvent("e5", Kind.FINISH, Optional.of("All done")),
                new ConversationEvent("e4", Kind.AGENT_MESSAGE, Optional.of("Running\nthe tests")),
                new ConversationEvent("e3", Kind.OTHER, Optional.empty()),
                new ConversationEvent("e2", Kind.ERROR, Optional.of("quota")),
                new ConversationEvent("e1", Kind.ERROR, Optional.of("provider down")),
                new ConversationEvent("e0", Kind.OTHER, Optional.empty())), page.events());
    }

    @Test
    void aPageWithoutItsItemsIsRefusedInWords() {
        JsonbException events = assertThrows(JsonbException.class,
                () -> JSONB.fromJson("{\"next_page_id\":null}", EventPage.class));
        assertTrue(causes(events).contains("a page of events without its items"), causes(events));
        JsonbException tasks = assertThrows(JsonbException.class,
                () -> JSONB.fromJson("{}", AppConversationStartTaskPage.class));
        assertTrue(causes(tasks).contains("a page of start tasks without its items"), causes(tasks));
        assertThrows(JsonbException.class, () -> JSONB.fromJson("{\"id\":\"c\"}", listOf(AppConversation.class)),
                "an object where the description has a list");
    }

    @Test
    void aStartIsWrittenWithOpenHandsNamesAndWithoutWhatItLeavesOut() {
        String json = JSONB
                .toJson(new AppConversationStartRequest(CONVERSATION, "Jira DC ACME-1", "acme/web-app", "github",
                        SendMessageRequest.user("fix it")));
        assertEquals("{\"conversation_id\":\"" + CONVERSATION
                + "\",\"git_provider\":\"github\",\"initial_message\":{\"content\":"
                + "[{\"text\":\"fix it\",\"type\":\"text\"}],\"role\":\"user\"},"
                + "\"selected_repository\":\"acme/web-app\","
                + "\"title\":\"Jira DC ACME-1\"}", json);
        assertEquals("{\"content\":[{\"text\":\"more\",\"type\":\"text\"}],\"role\":\"user\",\"run\":true}",
                JSONB.toJson(OpenHandsApi.AppSendMessageRequest.user("more")));
    }

    @Test
    void errorAnswersAreARefusedKeyOrWhatOpenHandsAnsweredWithItsStatus() {
        assertEquals("OpenHands did not accept the API key (401: Not authenticated)",
                assertInstanceOf(ApiKeyRefused.class,
                        OpenHandsResponses.failure(401, "{\"detail\":\"Not authenticated\"}")).getMessage());
        assertInstanceOf(ApiKeyRefused.class, OpenHandsResponses.failure(403, ""));
        OpenHandsUnavailable gone = assertInstanceOf(OpenHandsUnavailable.class,
                OpenHandsResponses.failure(410, "{\"detail\":\"Conversation is archived\"}"));
        assertEquals(410, gone.status(), "a caller reads 410 as the answer it is");
        assertEquals("OpenHands answered 410 (Conversation is archived)", gone.getMessage());
        assertEquals("OpenHands answered 502 (<html><body>Bad Gateway</body></html>)",
                OpenHandsResponses.failure(502, "<html><body>Bad Gateway</body></html>\n<!-- proxy -->").getMessage());
        assertEquals("OpenHands answered 503", OpenHandsResponses.failure(503, "").getMessage());
    }

    static StartTask task(String json) {
        return JSONB.fromJson(json, AppConversationStartTask.class).task();
    }

    static Conversation conversation(String json) {
        return JSONB.fromJson(json, AppConversation.class).conversation();
    }

    /** {@code List<type>}, as the REST client asks JSON-B for it. */
    static Type listOf(Class<?> type) {
        return new ListType(type);
    }

    record ListType(Type element) implements ParameterizedType {
        @Override
        public Type[] getActualTypeArguments() {
            return new Type[]{element};
        }

        @Override
        public Type getRawType() {
            return List.class;
        }

        @Override
        public Type getOwnerType() {
            return null;
        }
    }

    static String causes(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            all.append(cause).append('\n');
        }
        return all.toString();
    }
}
