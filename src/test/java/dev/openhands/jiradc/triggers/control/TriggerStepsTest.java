package dev.openhands.jiradc.triggers.control;

import static org.junit.jupiter.api.Assertions.*;

import dev.openhands.jiradc.jira.entity.JiraIssue;
import dev.openhands.jiradc.jira.entity.JiraIssue.JiraComment;
import dev.openhands.jiradc.jira.entity.JiraUser;
import dev.openhands.jiradc.jira.entity.Visibility;
import dev.openhands.jiradc.linking.entity.Resolution;
import dev.openhands.jiradc.openhands.entity.RepositoryLookup;
import dev.openhands.jiradc.settings.entity.GitProvider;
import dev.openhands.jiradc.triggers.control.RepositoryReferences.Choice;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The decisions a trigger's steps make on their own: who may start a job, where it may run, who sees the answer. */
class TriggerStepsTest {

    static final JiraUser ALICE = new JiraUser("JIRAUSER1", "alice", Optional.of("alice@example.com"), "Alice");
    final TriggerComments say = new TriggerComments(URI.create("https://app.openhands.example.com"),
            URI.create("https://app.openhands.example.com"), "@openhands");

    @Test
    void onlySomeoneLinkedGoesOn() {
        assertEquals(Optional.empty(), WhoAsked.deadEnd(Resolution.Status.LINKED, ALICE, say));
        assertEquals(new DeadEnd(say.noAccount(ALICE), "alice has not signed in here", DeadEnd.Reason.NO_ACCOUNT),
                WhoAsked.deadEnd(Resolution.Status.NO_ACCOUNT, ALICE, say).orElseThrow());
        assertEquals(
                new DeadEnd(say.accountNotLinked(ALICE), "alice has not connected Jira",
                        DeadEnd.Reason.ACCOUNT_NOT_LINKED),
                WhoAsked.deadEnd(Resolution.Status.ACCOUNT_NOT_LINKED, ALICE, say).orElseThrow());
        assertEquals(
                new DeadEnd(say.noOpenHandsKey(ALICE), "alice has no OpenHands API key",
                        DeadEnd.Reason.NO_OPENHANDS_KEY),
                WhoAsked.deadEnd(Resolution.Status.NO_OPENHANDS_KEY, ALICE, say).orElseThrow());
    }

    @Test
    void aJobRunsOnlyInOneRepositoryThePersonMayChoose() {
        assertEquals(Optional.empty(), WhichRepository.deadEnd(new Choice.Found("acme/app", Optional.empty(),
                RepositoryReferences.Source.REQUEST), ALICE, say));
        assertEquals("no repository named",
                WhichRepository.deadEnd(new Choice.Missing(), ALICE, say).orElseThrow().result());
        assertEquals("several repositories named: acme/app, acme/lib", WhichRepository.deadEnd(
                new Choice.Ambiguous(List.of("acme/app", "acme/lib")), ALICE, say).orElseThrow().result());
        DeadEnd others = WhichRepository.deadEnd(new Choice.NamedByOthers("acme/app", "Bob"), ALICE, say).orElseThrow();
        assertEquals(say.namedByOthers(ALICE, "acme/app", "Bob"), others.comment());
        assertEquals("acme/app was named by Bob, not by alice", others.result());
        Choice.NotAllowed outside = new Choice.NotAllowed("acme/other", RepositoryReferences.Source.REQUEST,
                Optional.empty(), "ACME", List.of("acme/app", "acme/lib"));
        DeadEnd refused = WhichRepository.deadEnd(outside, ALICE, say).orElseThrow();
        assertEquals(say.notAllowed(ALICE, outside), refused.comment());
        assertEquals("acme/other is not one of the ACME project's repositories", refused.result());
    }

    @Test
    void aRepositoryOpenHandsCannotReachIsADeadEnd() {
        assertEquals(Optional.empty(),
                WhichRepository.deadEnd(new RepositoryLookup.Found("acme/app", GitProvider.GITHUB),
                        "acme/app", ALICE, say));
        DeadEnd notFound = WhichRepository
                .deadEnd(new RepositoryLookup.NotFound(List.of(GitProvider.GITHUB)), "acme/app",
                        ALICE, say)
                .orElseThrow();
        assertEquals(say.noAccess(ALICE, "acme/app", List.of(GitProvider.GITHUB)), notFound.comment());
        assertEquals("alice cannot reach acme/app", notFound.result());
        assertEquals("alice has no Git connection in OpenHands", WhichRepository.deadEnd(
                new RepositoryLookup.GitNotConnected(List.of(GitProvider.GITHUB)), "acme/app", ALICE, say).orElseThrow()
                .result());
    }

    @Test
    void repliesAreSeenByThoseWhoCouldSeeTheTriggerComment() {
        Visibility developers = new Visibility("role", "Developers");
        JiraIssue issue = new JiraIssue("10001", "DEMO-1", "A bug", "", List.of(
                new JiraComment("20", ALICE, "@openhands", "2026-01-01", Optional.of(developers))));
        assertEquals(Optional.of(developers), new Replies("DEMO-1", Optional.empty()).seenIn(issue, "20").visibility());
        assertEquals(Optional.empty(), new Replies("DEMO-1", Optional.empty()).seenIn(issue, "21").visibility());
        Visibility admins = new Visibility("group", "admins");
        assertEquals(Optional.of(admins), new Replies("DEMO-1", Optional.of(admins)).seenIn(issue, "20").visibility());
    }
}
