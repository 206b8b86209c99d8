package dev.openhands.jiradc.triggers.control;

import static org.junit.jupiter.api.Assertions.*;

import dev.openhands.jiradc.webhooks.entity.ServiceAccount;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MentionsTest {

    static final ServiceAccount BOT = new ServiceAccount("openhands-bot@example.com", Optional.of("openhands"),
            Optional.of("JIRAUSER10500"));

    @ParameterizedTest
    @ValueSource(strings = {"@openhands please fix this", "@OpenHands", "Hey @openhands.", "please (@openhands) look",
            "first line\n@openhands do it", "@openhands, fix", "ping:@openhands", "*@openhands* bold",
            "x\r\n@OPENHANDS",
            "[~openhands] please", "[~JIRAUSER10500] please", "[~OpenHands]", "fix it @openhands!", "\"@openhands\""})
    void asks(String body) {
        assertTrue(Mentions.asksForOpenHands(body, "openhands", BOT), body);
    }

    @ParameterizedTest
    @ValueSource(strings = {"user@openhands.dev", "@openhands-bot", "@openhandsbot", "see @openhands.dev", "openhands",
            "mail x@openhands", "[~alice]", "[~openhands-bot]", "@@openhands", "#openhands", "@open hands", ""})
    void doesNotAsk(String body) {
        assertFalse(Mentions.asksForOpenHands(body, "openhands", BOT), body);
    }

    @ParameterizedTest
    @ValueSource(strings = {"@ai-agent go", "(@AI-Agent)"})
    void aCustomLabelIsTheMention(String body) {
        assertTrue(Mentions.asksForOpenHands(body, "ai-agent", BOT));
        assertFalse(Mentions.asksForOpenHands(body, "openhands", BOT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"@ai-agent-x go", "@ai-agents"})
    void aCustomLabelIsAWholeToken(String body) {
        assertFalse(Mentions.asksForOpenHands(body, "ai-agent", BOT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[~openhands] please"})
    void pickerMentionsNeedTheLearnedNameOrKey(String body) {
        ServiceAccount emailOnly = new ServiceAccount("openhands-bot@example.com", Optional.empty(), Optional.empty());
        assertFalse(Mentions.asksForOpenHands(body, "openhands", emailOnly));
    }

    @org.junit.jupiter.api.Test
    void aCommentFullOfPickerOpeningsIsReadInOnePass() {
        // each "[~" used to restart the scan of the rest of the comment: seconds for a long comment
        assertFalse(Mentions.asksForOpenHands("[~".repeat(30_000), "openhands", BOT));
        assertTrue(Mentions.asksForOpenHands("[~".repeat(30_000) + " [~openhands]", "openhands", BOT));
    }
}
