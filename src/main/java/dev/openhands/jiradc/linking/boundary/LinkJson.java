package dev.openhands.jiradc.linking.boundary;

import dev.openhands.jiradc.jira.entity.JiraUser;
import dev.openhands.jiradc.linking.entity.JiraLink;
import dev.openhands.jiradc.linking.entity.OAuthAttempt;
import dev.openhands.jiradc.linking.entity.Resolution;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.Locale;

/** What the link resources answer, in the JSON the settings page reads; fields that do not apply are left out. */
public final class LinkJson {

    private LinkJson() {
    }

    /** A person's link: theirs, or, for admins, anyone's with the account's email ({@code account}). */
    @JsonbPropertyOrder({"method", "jiraKey", "jiraName", "jiraDisplayName", "linkedAt", "jiraEmail", "needsReconnect",
            "account"})
    public record Link(String method, String jiraKey, String jiraName, String jiraDisplayName, Instant linkedAt,
            String jiraEmail, String needsReconnect, String account) {

        static Link of(JiraLink link, String accountEmail) {
            return new Link(link.method().name().toLowerCase(Locale.ROOT), link.jiraKey(), link.jiraName(),
                    link.jiraDisplayName(), link.linkedAt(), link.jiraEmail().orElse(null),
                    link.brokenReason().orElse(null), accountEmail);
        }
    }

    /** The last OAuth attempt's outcome, so the page can say what went wrong. */
    @JsonbPropertyOrder({"outcome", "message", "at"})
    public record Attempt(String outcome, String message, Instant at) {

        static Attempt of(OAuthAttempt attempt) {
            return new Attempt(attempt.outcome().orElseThrow().code(), attempt.message(), attempt.finishedAt());
        }
    }

    @JsonbPropertyOrder({"linkingMethod", "linked", "link", "lastAttempt"})
    public record Status(String linkingMethod, boolean linked, Link link, Attempt lastAttempt) {
    }

    /** Check worked: the Jira user the link reaches. */
    @JsonbPropertyOrder({"ok", "jiraName", "jiraDisplayName"})
    public record Checked(boolean ok, String jiraName, String jiraDisplayName) {

        static Checked of(JiraUser user) {
            return new Checked(true, user.name(), user.displayName());
        }
    }

    /** What would happen if this Jira user asked for OpenHands. */
    @JsonbPropertyOrder({"jiraName", "jiraKey", "outcome", "jiraEmail", "account"})
    public record ResolutionPreview(String jiraName, String jiraKey, String outcome, String jiraEmail, String account) {

        static ResolutionPreview of(JiraUser user, Resolution result) {
            return new ResolutionPreview(user.name(), user.key(), result.status().code(),
                    user.emailAddress().orElse(null),
                    result.account().map(account -> account.email()).orElse(null));
        }
    }
}
