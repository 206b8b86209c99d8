package dev.openhands.jiradc.webhooks.entity;

import dev.openhands.jiradc.jira.entity.JiraUser;
import java.util.Optional;

/**
 * The Jira user OpenHands comments as. Its email is configured; its name and key are learned from
 * Jira ({@code /rest/api/2/myself}) in the background, so until then only the email is known.
 */
public record ServiceAccount(String email, Optional<String> name, Optional<String> key) {

    public boolean is(JiraUser user) {
        return user.emailAddress().filter(email::equalsIgnoreCase).isPresent()
                || key.filter(user.key()::equals).isPresent()
                || name.filter(user.name()::equalsIgnoreCase).isPresent();
    }

    /** Whether a picker mention {@code [~x]} names this account. */
    public boolean isNamed(String mentioned) {
        return name.filter(mentioned::equalsIgnoreCase).isPresent()
                || key.filter(mentioned::equalsIgnoreCase).isPresent();
    }
}
