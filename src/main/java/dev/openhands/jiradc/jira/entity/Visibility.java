package dev.openhands.jiradc.jira.entity;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.Optional;

/** Who may see a restricted comment: Jira's {@code visibility}, a project role or a group by name. */
public record Visibility(String type, String value) {

    /** The restriction a comment's JSON carries; empty for a comment everyone who sees the issue sees. */
    public static Optional<Visibility> of(JsonObject comment) {
        return comment.get("visibility") instanceof JsonObject visibility
                && visibility.get("type") instanceof JsonString type
                && visibility.get("value") instanceof JsonString value
                        ? Optional.of(new Visibility(type.getString(), value.getString())) : Optional.empty();
    }
}
