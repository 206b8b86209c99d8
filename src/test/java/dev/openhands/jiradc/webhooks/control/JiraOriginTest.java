package dev.openhands.jiradc.webhooks.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JiraOriginTest {

    private final JiraOrigin jira = new JiraOrigin("https://jira.example.com");

    @Test
    void urlsAsJiraWritesThemAreOnIt() {
        assertTrue(jira.names("https://jira.example.com/rest/api/2/issue/10001"));
        assertTrue(jira.names("https://jira.example.com/rest/api/2/user?username=alice"));
    }

    @Test
    void caseAndDefaultPortDoNotMakeAnotherHost() {
        assertTrue(jira.names("HTTPS://Jira.Example.com/rest/api/2/issue/10001"));
        assertTrue(jira.names("https://jira.example.com:443/rest/api/2/issue/10001"));
        assertTrue(
                new JiraOrigin("https://jira.example.com:443/").names("https://jira.example.com/rest/api/2/issue/1"));
        assertTrue(new JiraOrigin("http://jira.example.com:8080/jira")
                .names("http://jira.example.com:8080/jira/rest/api/2/issue/1"));
    }

    @Test
    void otherHostsPortsAndSchemesAreNot() {
        assertFalse(jira.names("https://evil.example.com/rest/api/2/issue/10001"));
        assertFalse(jira.names("https://jira.example.com.evil.com/rest/api/2/issue/10001"));
        assertFalse(jira.names("https://jira.example.com:8443/rest/api/2/issue/10001"));
        assertFalse(jira.names("http://jira.example.com/rest/api/2/issue/10001"));
    }

    @Test
    void aUserPartBeforeAnotherHostIsAnotherHost() {
        assertFalse(jira.names("https://jira.example.com@evil.com/rest/api/2/issue/10001"));
        assertEquals("https://evil.com:443", JiraOrigin.of("https://jira.example.com@evil.com/rest/api/2/issue/10001"));
    }

    @Test
    void anUnreadableUrlIsNotOnIt() {
        assertFalse(jira.names("https://jira example.com/rest"));
        assertFalse(jira.names("https://jira.example.com/rest/api/2/issue/1 0"));
        assertFalse(new JiraOrigin("not a url").names("not a url either"));
        assertEquals("unreadable URL", JiraOrigin.of("https://jira example.com/rest"));
    }
}
