package dev.openhands.jiradc.jobs.control;

import static org.junit.jupiter.api.Assertions.*;

import dev.openhands.jiradc.openhands.entity.ConversationEvent;
import dev.openhands.jiradc.openhands.entity.ConversationEvent.Kind;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Where a finished job's words and pull requests come from. */
class JobReportsTest {

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
        assertEquals(List.of(),
                PullRequestLinks.of(List.of(), "acme/web-app", Optional.of("github"), Optional.empty()));
    }

    @Test
    void pullRequestsOfTheRepositoryNamedInTheAgentsWordsAreLinkedOnce() {
        String words = "Opened https://github.com/Acme/Web-App/pull/31. Same as"
                + " https://github.com/Acme/Web-App/pull/31, not https://github.com/acme/web-app-fork/pull/2 nor"
                + " javascript:alert(1)/pull/3 nor https://evil.test/x/pull/4; GitLab:"
                + " https://gitlab.example.com/acme/web-app/-/merge_requests/7)";
        assertEquals(List.of("[pull request #31|https://github.com/Acme/Web-App/pull/31]",
                "[pull request #7|https://gitlab.example.com/acme/web-app/-/merge_requests/7]"),
                PullRequestLinks.mentionedIn(words, "acme/web-app"));
        assertEquals(List.of(), PullRequestLinks.mentionedIn("No pull request this time.", "acme/web-app"));
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
}
