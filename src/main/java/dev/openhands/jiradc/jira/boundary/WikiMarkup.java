package dev.openhands.jiradc.jira.boundary;

import dev.openhands.jiradc.jira.control.JiraMarkup;

/**
 * Jira wiki markup for what other components say on an issue: the agent's Markdown rendered so that none of its text
 * becomes markup (see {@link JiraMarkup}), and plain text escaped.
 */
public final class WikiMarkup {

    private WikiMarkup() {
    }

    /** Plain text, such as a name from Jira or a reason OpenHands gave, that Jira must show as it is. */
    public static String escape(String text) {
        return JiraMarkup.escape(text);
    }

    /** Markdown, as OpenHands writes it, in Jira wiki markup. */
    public static String fromMarkdown(String markdown) {
        return JiraMarkup.fromMarkdown(markdown);
    }
}
