package dev.openhands.jiradc.jira.entity;

import jakarta.json.JsonObject;
import java.util.Optional;

/**
 * A Jira Data Center user: {@code key} (for example JIRAUSER10100) is the stable id, {@code name} the login. Read by
 * JSON-B from Jira's answers, by hand from a webhook's payload: a missing key or display name is the login, a blank
 * email none.
 */
public record JiraUser(String key, String name, Optional<String> emailAddress, String displayName) {

    public JiraUser {
        name = name == null ? "" : name;
        key = key == null ? name : key;
        emailAddress = emailAddress == null ? Optional.empty() : emailAddress.filter(email -> !email.isBlank());
        displayName = displayName == null ? name : displayName;
    }

    public static JiraUser fromJson(JsonObject user) {
        String name = user.getString("name", "");
        String email = user.getString("emailAddress", "");
        return new JiraUser(user.getString("key", name), name, email.isBlank() ? Optional.empty() : Optional.of(email),
                user.getString("displayName", name));
    }
}
