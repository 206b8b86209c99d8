package dev.openhands.jiradc.jobs.boundary;

import static org.junit.jupiter.api.Assertions.*;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a finished, failed or silent job says on the issue. */
class JobCommentsTest {

    JobComments comments = new JobComments(URI.create("https://app.openhands.example.com"), "@openhands");

    @Test
    void aStartedJobLinksItsConversationOrTheListUntilItHasAnId() {
        assertEquals("[~alice] I'm on it in acme/app (named in the issue's description): [follow the conversation in"
                + " OpenHands|https://app.openhands.example.com/conversations/c1].",
                comments.onIt("alice", "acme/app", "the issue's description", Optional.of("c1")));
        assertEquals("[~alice] I'm on it in acme/app (named in your request): [follow the conversation in"
                + " OpenHands|https://app.openhands.example.com/conversations].",
                comments.onIt("alice", "acme/app", "your request", Optional.empty()));
        assertEquals("[~alice] I'm on it in acme/app (the ACME project's default repository): [follow the"
                + " conversation in OpenHands|https://app.openhands.example.com/conversations/c1].",
                comments.onIt("alice", "acme/app", JobComments.projectDefault("ACME"), Optional.of("c1")));
    }

    @Test
    void aJobThatCannotBeReadIsSaidWithWhatToDoMeanwhile() {
        assertEquals(
                "[~alice] I have not been able to read the OpenHands job for 2 hours: OpenHands does not answer me."
                        + " I'll keep trying and report here when it ends; meanwhile, [check on the conversation|"
                        + "https://app.openhands.example.com/conversations/c1].",
                comments.unreadable("alice", Duration.ofMinutes(150), Optional.of("c1")));
    }

    @Test
    void aFinishedJobWithoutAReportedPullRequestDoesNotClaimThereIsNone() {
        assertEquals(
                "[~alice] OpenHands finished working in acme/web-app. OpenHands did not report a pull request; if the"
                        + " agent opened one, the conversation shows it.\n\n"
                        + "*Nothing* to change\n\n[The whole conversation in"
                        + " OpenHands|https://app.openhands.example.com/conversations/c1]. To ask for more, comment"
                        + " @openhands on this issue.",
                comments.finished("alice", "acme/web-app", Optional.of("**Nothing** to change"), List.of(),
                        Optional.of("c1")));
    }

    @Test
    void aVeryLongSummaryIsCutToFitAJiraComment() {
        String comment = comments.finished("alice", "acme/web-app", Optional.of("x".repeat(50_000)), List.of(),
                Optional.of("c1"));
        assertTrue(comment.length() < 32_767, "Jira's comment limit");
        assertTrue(comment.contains("x\n\n…\n\n[The whole conversation"), "says that there is more");
    }

    @Test
    void aSummaryOfMarkupCharactersIsCutToFitAJiraCommentToo() {
        String comment = comments.finished("alice", "acme/web-app", Optional.of("{".repeat(20_000)), List.of(),
                Optional.of("c1"));
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
