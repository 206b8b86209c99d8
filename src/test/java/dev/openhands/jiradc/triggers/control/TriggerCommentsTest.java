package dev.openhands.jiradc.triggers.control;

import static org.junit.jupiter.api.Assertions.*;

import dev.openhands.jiradc.jira.entity.JiraUser;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the bot says when a job cannot start: the next step names what this installation listens to. */
class TriggerCommentsTest {

    @Test
    void tryingAgainUsesTheConfiguredTriggerWord() {
        TriggerComments say = new TriggerComments(URI.create("https://app.openhands.example.com"), "@ai-agent");
        JiraUser alice = new JiraUser("JIRAUSER1", "alice", Optional.of("alice@example.com"), "Alice");
        assertTrue(say.couldNotStart(alice, "OpenHands").contains("Try again later by commenting @ai-agent;"));
    }
}
