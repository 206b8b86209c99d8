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
}
