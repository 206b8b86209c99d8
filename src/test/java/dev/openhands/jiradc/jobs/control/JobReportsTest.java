package dev.openhands.jiradc.jobs.control;

import static org.junit.jupiter.api.Assertions.*;

import dev.openhands.jiradc.openhands.entity.ConversationEvent;
import dev.openhands.jiradc.openhands.entity.ConversationEvent.Kind;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a finished, failed or silent job says on the issue, and where its words and pull requests come from. */
class JobReportsTest {

    JobComments comments = new JobComments(URI.create("https://app.openhands.example.com"), "@openhands");

    @Test
    void pullRequestsLinkToThePublicHostOrTheConfiguredTemplateOrAreNamed() {
        assertEquals(List.of("[pull request #12|https://github.com/acme/web-app/pull/12]"),
                PullRequestLinks.of(List.of(12), "acme/web-app", Optional.of("github"), Optional.empty()));
        assertEquals(List.of("[pull request #3|https://gitlab.com/acme/web-app/-/merge_requests/3]"),
                PullRequestLinks.of(List.of(3), "acme/web-app", Optional.of("gitlab"), Optional.empty()));
        assertEquals(List.of("[pull request #4|https://git.acme.internal/acme/web-app/pull/4]"),
                PullRequestLinks.of(List.of(4), "acme/web-app", Optional.of("github"),
                        Optional.of("https://git.acme.internal/{repository}/pull/{number}")));
        assertEquals(List.of("pull request #5 in acme/web-app"),
                PullRequestLinks.of(List.of(5), "acme/web-app", Optional.of("azure_devops"), Optional.empty()));
        assertEquals(List.of(), PullRequestLinks.of(List.of(), "acme/web-app", Optional.of("github"), Optional.empty()));
    }

    @Test
    void pullRequestsOfTheRepositoryNamedInTheAgentsWordsAreLinkedOnce() {
        String words = "Opened https://github.com/Acme/Web-App/pull/31. Same as https://github.com/Acme/Web-App/pull/31, not"
                + " https://github.com/acme/web-app-fork/pull/2 nor javascript:alert(1)/pull/3 nor https://evil.test/x/pull/4;"
                + " GitLab: https://gitlab.example.com/acme/web-app/-/merge_requests/7)";
        assertEquals(List.of("[pull request #31|https://github.com/Acme/Web-App/pull/31]",
                "[pull request #7|https://gitlab.example.com/acme/web-app/-/merge_requests/7]"),
                PullRequestLinks.mentionedIn(words, "acme/web-app"));
        assertEquals(List.of(), PullRequestLinks.mentionedIn("No pull request this time.", "acme/web-app"));
    }

    @Test
    void aJobThatCannotBeReadIsSaidWithWhatToDoMeanwhile() {
        assertEquals("[~alice] I have not been able to read the OpenHands job for 2 hours: OpenHands does not answer me. I'll"
                + " keep trying and report here when it ends; meanwhile, [check on the conversation|"
                + "https://app.openhands.example.com/conversations/c1].",
                comments.unreadable("alice", Duration.ofMinutes(150), Optional.of("c1")));
    }

    @Test
    void theClosingWordsAreTheNewestFinishOrAgentMessage() {
        List<ConversationEvent> newestFirst = List.of(
                new ConversationEvent("e4", Kind.OTHER, Optional.empty()),
                new ConversationEvent("e3", Kind.FINISH, Optional.of("All done")),
                new ConversationEvent("e2", Kind.AGENT_MESSAGE, Optional.of("Working on it")));
        assertEquals(Optional.of("All done"), JobCheck.closingWords(newestFirst));
        assertEquals(Optional.of("Working on it"), JobCheck.closingWords(newestFirst.subList(2, 3)));
        assertEquals(Optional.empty(), JobCheck.closingWords(newestFirst.subList(0, 1)));
    }

    @Test
    void aFinishedJobWithoutAReportedPullRequestDoesNotClaimThereIsNone() {
        assertEquals("[~alice] OpenHands finished working in acme/web-app. OpenHands did not report a pull request; if the agent"
                + " opened one, the conversation shows it.\n\n"
                + "*Nothing* to change\n\n[The whole conversation in OpenHands|https://app.openhands.example.com/conversations/c1]."
                + " To ask for more, comment @openhands on this issue.",
                comments.finished("alice", "acme/web-app", Optional.of("**Nothing** to change"), List.of(), Optional.of("c1")));
    }

    @Test
    void aVeryLongSummaryIsCutToFitAJiraComment() {
        String comment = comments.finished("alice", "acme/web-app", Optional.of("x".repeat(50_000)), List.of(), Optional.of("c1"));
        assertTrue(comment.length() < 32_767, "Jira's comment limit");
        assertTrue(comment.contains("x\n\n…\n\n[The whole conversation"), "says that there is more");
    }

    @Test
    void aSummaryOfMarkupCharactersIsCutToFitAJiraCommentToo() {
        String comment = comments.finished("alice", "acme/web-app", Optional.of("{".repeat(20_000)), List.of(), Optional.of("c1"));
        assertTrue(comment.length() < 32_767, "Jira's comment limit: " + comment.length());
        assertTrue(comment.contains("&#123;\n\n…\n\n[The whole conversation"), "says that there is more");
    }

    @Test
    void silenceIsSaidInWordsPeopleRead() {
        assertEquals("45 seconds", JobComments.words(Duration.ofSeconds(45)));
        assertEquals("1 minute", JobComments.words(Duration.ofSeconds(90)));
        assertEquals("90 minutes", JobComments.words(Duration.ofMinutes(90)));
        assertEquals("3 hours", JobComments.words(Duration.ofMinutes(200)));
        assertEquals("2 days", JobComments.words(Duration.ofHours(50)));
    }
}
