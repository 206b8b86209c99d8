package dev.openhands.jiradc.jira.control;

import java.util.List;

/**
 * Jira wiki markup with the list of what the renderer itself put into it beyond text ({@code link <target>} and
 * {@code macro <name>} for each tag, in order), so that a test can tell those from anything smuggled in.
 */
record WikiRendering(String wiki, List<String> constructs) {
}
