package dev.openhands.jiradc.jira.boundary;

import static dev.openhands.jiradc.platform.Jsons.JSON;

import dev.openhands.jiradc.jira.control.JiraResponses;
import dev.openhands.jiradc.jira.entity.JiraCallFailed;
import dev.openhands.jiradc.jira.entity.JiraIssue;
import dev.openhands.jiradc.jira.entity.JiraIssue.JiraComment;
import dev.openhands.jiradc.jira.entity.JiraUser;
import dev.openhands.jiradc.jira.entity.Visibility;
import dev.openhands.jiradc.settings.entity.IntegrationSettings;
import dev.openhands.jiradc.settings.entity.SettingsKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** Issues and comments, read and written as the service account (its PAT). */
@ApplicationScoped
public class JiraIssues {

    /** The comment property that marks a comment as this service's own. */
    public static final String BOT_PROPERTY = "dev.openhands.jira-dc";

    @Inject
    Jira jira;

    @Inject
    IntegrationSettings settings;

    /** The issue with its latest {@code maxComments} comments, oldest first. */
    public JiraIssue read(String key, int maxComments) {
        JsonObject issue = JiraResponses.call(jira.base(), "read the issue " + key,
                () -> jira.api().issue(pat(), key, "summary,description,labels,status,project"));
        JsonObject page = JiraResponses.call(jira.base(), "read the comments of " + key,
                () -> jira.api().comments(pat(), key, "-created", maxComments, null));
        List<JiraComment> comments = new ArrayList<>();
        for (JsonObject comment : page.getJsonArray("comments").getValuesAs(JsonObject.class)) {
            comments.add(new JiraComment(comment.getString("id", ""),
                    JiraUser.fromJson(comment.getJsonObject("author") == null ? JsonValue.EMPTY_JSON_OBJECT
                            : comment.getJsonObject("author")),
                    comment.getString("body", ""), comment.getString("created", ""), Visibility.of(comment)));
        }
        Collections.reverse(comments);
        JsonObject fields = issue.getJsonObject("fields");
        return new JiraIssue(issue.getString("id", ""), issue.getString("key", key), text(fields, "summary"),
                text(fields, "description"), List.copyOf(comments));
    }

    /**
     * Posts a comment in wiki markup, marked with a property as this service's own, and restricted like the comment it
     * answers: a reply to a comment only a role or group sees is seen by no one else.
     */
    public void comment(String key, String wikiMarkup, Optional<Visibility> visibility) {
        comment(key, wikiMarkup, JSON.createObjectBuilder().add("bot", true), visibility);
    }

    /**
     * Posts a comment about a job, marked with the job's id and what the comment is about ({@code start}, {@code end},
     * ...), so that {@link #hasCommentedOn} can find it again.
     */
    public void comment(String key, String wikiMarkup, String jobId, String about, Optional<Visibility> visibility) {
        comment(key, wikiMarkup, JSON.createObjectBuilder().add("bot", true).add("job", jobId).add("about", about), visibility);
    }

    private void comment(String key, String wikiMarkup, JsonObjectBuilder marker, Optional<Visibility> visibility) {
        JsonObjectBuilder comment = JSON.createObjectBuilder()
                .add("body", wikiMarkup)
                .add("properties", JSON.createArrayBuilder().add(JSON.createObjectBuilder().add("key", BOT_PROPERTY).add("value", marker)));
        visibility.ifPresent(restricted -> comment.add("visibility",
                JSON.createObjectBuilder().add("type", restricted.type()).add("value", restricted.value())));
        JsonObject body = comment.build();
        JiraResponses.call(jira.base(), "comment on " + key, () -> jira.api().addComment(pat(), key, body));
    }

    /**
     * Whether one of the issue's latest comments is this service's comment about the job: asked before saying
     * something again that an instance which died may have said already.
     */
    public boolean hasCommentedOn(String key, String jobId, String about) {
        JsonObject page = JiraResponses.call(jira.base(), "read the comments of " + key,
                () -> jira.api().comments(pat(), key, "-created", 50, "properties"));
        return page.getJsonArray("comments").getValuesAs(JsonObject.class).stream()
                .filter(comment -> comment.get("properties") instanceof JsonArray)
                .flatMap(comment -> comment.getJsonArray("properties").getValuesAs(JsonObject.class).stream())
                .anyMatch(property -> BOT_PROPERTY.equals(property.getString("key", ""))
                        && property.get("value") instanceof JsonObject value && jobId.equals(value.getString("job", ""))
                        && about.equals(value.getString("about", "")));
    }

    /** Adds a thumbs-up to a comment; best effort: servers without the reactions API are ignored. */
    public void thumbsUp(String commentId) {
        try {
            JiraResponses.call(jira.base(), "react to comment " + commentId, () -> jira.api().addReaction(pat(),
                    JSON.createObjectBuilder().add("commentId", commentId).add("emojiId", "1f44d").build()));
        } catch (JiraCallFailed e) {
            if (e.status() != 404 && e.status() != 403 && e.status() != 400) {
                throw e;
            }
        }
    }

    private static String text(JsonObject fields, String name) {
        return fields != null && fields.get(name) instanceof JsonString value ? value.getString() : "";
    }

    private String pat() {
        return "Bearer " + settings.serviceAccountPat().orElseThrow(() -> new IllegalStateException(
                SettingsKeys.SERVICE_ACCOUNT_PAT + " is not configured")).reveal();
    }
}
