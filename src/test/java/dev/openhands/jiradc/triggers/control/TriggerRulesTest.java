package dev.openhands.jiradc.triggers.control;

import static org.junit.jupiter.api.Assertions.*;

import dev.openhands.jiradc.jira.entity.WebhookEvent;
import dev.openhands.jiradc.testing.jira.JiraEvent;
import dev.openhands.jiradc.webhooks.entity.Decision;
import dev.openhands.jiradc.webhooks.entity.Decision.Kind;
import dev.openhands.jiradc.webhooks.entity.ServiceAccount;
import jakarta.json.Json;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TriggerRulesTest {

    static final String JIRA = "https://jira.example.com";
    static final ServiceAccount BOT = new ServiceAccount("openhands-bot@example.com", Optional.of("openhands"),
            Optional.of("JIRAUSER10500"));
    final TriggerRules rules = new TriggerRules("openhands", BOT);

    static WebhookEvent parse(JiraEvent event) {
        return parse(event.render(JIRA));
    }

    static WebhookEvent parse(String json) {
        return WebhookEvent.parse(Json.createReader(new StringReader(json)).readObject());
    }

    Decision decide(JiraEvent event) {
        return rules.decide(parse(event));
    }

    static void assertTrigger(Decision decision, String key) {
        assertEquals(Kind.TRIGGER, decision.kind(), decision.outcome());
        assertEquals(key, decision.dedupKey().orElseThrow());
        assertTrue(decision.outcome().startsWith("trigger: "), decision.outcome());
    }

    static void assertNone(Decision decision, String outcomeStart) {
        assertEquals(Kind.NONE, decision.kind(), decision.outcome());
        assertTrue(decision.outcome().startsWith(outcomeStart), decision.outcome());
        assertTrue(decision.dedupKey().isEmpty());
    }

    @Test
    void aCommentMentioningOpenHandsTriggers() {
        assertTrigger(decide(JiraEvent.commentCreated().comment("10106", "@openhands please fix")),
                "comment:10002:10106");
    }

    @Test
    void aCommentWithoutTheMentionDoesNot() {
        assertNone(decide(JiraEvent.commentCreated().comment("10106", "looks fine to me")),
                "no trigger: the comment does not mention");
    }

    @Test
    void theIssueCommentedUpdateBesideItHasTheSameKey() {
        assertTrigger(decide(JiraEvent.issueCommented().comment("10106", "@openhands please fix")),
                "comment:10002:10106");
        assertNone(decide(JiraEvent.issueCommented().comment("10107", "thanks")), "no trigger");
    }

    @Test
    void anEditedCommentThatNowMentionsOpenHandsHasTheCommentsKey() {
        // the inbox's unique key turns this into a duplicate when the comment already triggered
        assertTrigger(decide(JiraEvent.commentUpdated().comment("10106", "edit: @openhands")), "comment:10002:10106");
    }

    @Test
    void theServiceAccountNeverTriggers() {
        assertNone(decide(JiraEvent.commentCreated().comment("1", "@openhands I'm on it")
                .actor("openhands", "JIRAUSER10500", "openhands-bot@example.com", "OpenHands")),
                "ignored: service account");
        assertNone(decide(JiraEvent.commentCreated().comment("1", "@openhands")
                .actor("renamed-bot", "JIRAUSER10500", "other@example.com", "Bot")), "ignored: service account");
        assertNone(decide(JiraEvent.commentCreated().comment("1", "@openhands")
                .actor("x", "JIRAUSER1", "OpenHands-Bot@Example.com", "Bot")), "ignored: service account");
        assertNone(decide(JiraEvent.issueUpdated().labels(List.of(), List.of("openhands"))
                .actor("openhands", "JIRAUSER10500", "openhands-bot@example.com", "OpenHands")),
                "ignored: service account");
    }

    @Test
    void anEventThatNamesNoUserNeverTriggers() {
        String json = "{\"timestamp\":1,\"webhookEvent\":\"comment_created\",\"comment\":{\"self\":\"" + JIRA
                + "/rest/api/2/issue/10555/comment/10600\",\"id\":\"10600\",\"body\":\"@openhands\"}}";
        assertNone(rules.decide(parse(json)), "no trigger: the event names no user");
    }

    @Test
    void theEditorOfAnUpdatedCommentIsTheActor() {
        String json = JiraEvent.commentUpdated().comment("1", "@openhands").render(JIRA)
                .replaceFirst("(\"updateAuthor\": \\{[^}]*?\"key\": \")JIRAUSER10100", "$1JIRAUSER10500");
        assertNone(rules.decide(parse(json)), "ignored: service account");
    }

    @Test
    void addingTheLabelBesideOthersTriggers() {
        assertTrigger(decide(JiraEvent.issueUpdated().labels(List.of("bug"), List.of("bug", "openhands"))),
                "label:10002:10300");
        assertTrigger(decide(JiraEvent.issueUpdated().labels(List.of("ui", "bug"), List.of("openhands", "bug", "ui"))),
                "label:10002:10300");
        assertTrigger(decide(JiraEvent.issueUpdated().labels(List.of(), List.of("OpenHands"))), "label:10002:10300");
    }

    @Test
    void removingTheLabelOrChangingOthersDoesNot() {
        assertNone(decide(JiraEvent.issueUpdated().labels(List.of("bug", "openhands"), List.of("bug"))), "no trigger");
        assertNone(decide(JiraEvent.issueUpdated().labels(List.of("openhands"), List.of("openhands", "ui"))),
                "no trigger");
        assertNone(decide(JiraEvent.issueUpdated().labels(List.of("bug"), List.of("bug", "openhands-later"))),
                "no trigger");
    }

    @Test
    void aNewIssueWithTheLabelTriggers() {
        assertTrigger(decide(JiraEvent.issueCreated().labels(List.of(), List.of("bug", "openhands"))), "created:10002");
        assertNone(decide(JiraEvent.issueCreated().labels(List.of(), List.of("bug"))), "no trigger");
    }

    @Test
    void deletionsGoToTheInboxForCancelling() {
        Decision issue = decide(JiraEvent.issueDeleted());
        assertEquals(Kind.DELETION, issue.kind());
        assertEquals("issue-deleted:10002", issue.dedupKey().orElseThrow());
        Decision comment = decide(JiraEvent.commentDeleted().comment("10106", "@openhands"));
        assertEquals(Kind.DELETION, comment.kind());
        assertEquals("comment-deleted:10002:10106", comment.dedupKey().orElseThrow());
    }

    @Test
    void otherEventsAreIgnoredWithTheirName() {
        String json = JiraEvent.commentCreated().render(JIRA).replace("\"comment_created\"", "\"worklog_updated\"");
        assertNone(rules.decide(parse(json)), "ignored: worklog_updated");
    }

    @Test
    void olderServersSendCommentsWithoutTheIssue() {
        String json = "{\"timestamp\":1,\"webhookEvent\":\"comment_created\",\"comment\":{\"self\":\"" + JIRA
                + "/rest/api/2/issue/10555/comment/10600\",\"id\":\"10600\",\"body\":\"@openhands\","
                + "\"author\":{\"name\":\"a\","
                + "\"key\":\"JIRAUSER1\",\"emailAddress\":\"a@example.com\"}}}";
        assertTrigger(rules.decide(parse(json)), "comment:10555:10600");
    }

    @Test
    void jsonWithoutAnEventNameIsNotAJiraEvent() {
        var e = assertThrows(WebhookEvent.MalformedEvent.class, () -> parse("{\"timestamp\":1}"));
        assertTrue(e.getMessage().contains("webhookEvent"));
    }

    @Test
    void everyJiraUrlInThePayloadIsCollected() {
        WebhookEvent event = parse(JiraEvent.commentCreated());
        assertEquals(List.of(JIRA + "/rest/api/2/issue/10002", JIRA + "/rest/api/2/user?username=alice",
                JIRA + "/rest/api/2/user?username=alice", JIRA + "/rest/api/2/issue/10002/comment/10106"),
                event.jiraUrls());
    }

    @Test
    void valuesJiraNeverSendsAreRefusedBeforeTheyReachTheDatabase() {
        String longId = "1".repeat(33);
        var tooLong = assertThrows(WebhookEvent.MalformedEvent.class,
                () -> parse(JiraEvent.commentCreated().issue(longId, "ACME-1")));
        assertTrue(tooLong.getMessage().contains("issue id"), tooLong.getMessage());
        assertThrows(WebhookEvent.MalformedEvent.class,
                () -> parse(JiraEvent.commentCreated().issue("1", "ACME-1\u0000")));
        assertThrows(WebhookEvent.MalformedEvent.class, () -> parse(JiraEvent.commentCreated()
                .actor("x".repeat(256), "JIRAUSER1", "a@example.com", "A")));
    }
}
