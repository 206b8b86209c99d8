package dev.openhands.jiradc.triggers.control;

import static org.junit.jupiter.api.Assertions.*;

import dev.openhands.jiradc.jira.entity.JiraUser;
import dev.openhands.jiradc.openhands.entity.ApiKeyNotIssued;
import dev.openhands.jiradc.settings.entity.GitProvider;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the bot says when a job cannot start: the next step names what this installation listens to. */
class TriggerCommentsTest {

    @Test
    void tryingAgainUsesTheConfiguredTriggerWord() {
        TriggerComments say = new TriggerComments(URI.create("https://app.openhands.example.com"),
                URI.create("https://app.openhands.example.com"), "@ai-agent");
        JiraUser alice = new JiraUser("JIRAUSER1", "alice", Optional.of("alice@example.com"), "Alice");
        assertTrue(say.couldNotStart(alice, "OpenHands").contains("Try again later by commenting @ai-agent;"));
    }

    @Test
    void settingsLinksLeadToThisServiceAndOpenHandsLinksToOpenHandsWhenTheyLiveApart() {
        TriggerComments say = new TriggerComments(URI.create("https://jira-integration.example.com"),
                URI.create("https://app.openhands.example.com"), "@openhands");
        JiraUser alice = new JiraUser("JIRAUSER1", "alice", Optional.of("alice@example.com"), "Alice");

        assertTrue(say.accountNotLinked(alice)
                .contains("[Settings > Integrations|https://jira-integration.example.com/settings/integrations]"));
        assertTrue(say.apiKeyNotIssued(alice, ApiKeyNotIssued.Reason.UNKNOWN_USER)
                .contains("Sign up at [OpenHands|https://app.openhands.example.com]"));
        assertTrue(say.gitNotConnected(alice, "acme/app", List.of(GitProvider.GITHUB))
                .contains("in [OpenHands|https://app.openhands.example.com] under Settings > Integrations"));
    }

    @Test
    void aRepositoryOutsideTheProjectsListIsRefusedNamingTheAllowedOnesAndHowToAskAgain() {
        TriggerComments say = new TriggerComments(URI.create("https://app.openhands.example.com"),
                URI.create("https://app.openhands.example.com"), "@openhands");
        JiraUser alice = new JiraUser("JIRAUSER1", "alice", Optional.of("alice@example.com"), "Alice");
        assertEquals("[~alice] Jobs on the ACME project run only in acme/app, acme/lib. The repository mallory/tools"
                + " (named in a comment by Mallory \\*M\\*) is not one of them, so I did not start a job. To work in"
                + " one of them, ask again naming it:\n{noformat}\n@openhands\nRepository: acme/app\n{noformat}\nTo"
                + " work in mallory/tools, ask an administrator of OpenHands for Jira to add it to the ACME project's"
                + " repositories.",
                say.notAllowed(alice, new RepositoryReferences.Choice.NotAllowed("mallory/tools",
                        RepositoryReferences.Source.OTHERS_COMMENT, Optional.of("Mallory *M*"), "ACME",
                        List.of("acme/app", "acme/lib"))),
                "the other person's name is escaped: it is Jira's text, not markup");
    }
}
