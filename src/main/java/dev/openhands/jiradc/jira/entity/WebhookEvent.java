package dev.openhands.jiradc.jira.entity;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Jira Data Center webhook delivery, read from its JSON. Issue events carry a top-level
 * {@code user}; comment events do not (their actor is the comment's author or updater), and older
 * servers send them without {@code issue}, whose id then comes from {@code comment.self}.
 */
public record WebhookEvent(
        String webhookEvent,
        long timestamp,
        Optional<String> issueEventTypeName,
        Optional<String> issueId,
        Optional<String> issueKey,
        Optional<JiraUser> actor,
        Optional<Comment> comment,
        List<String> labels,
        Optional<String> changelogId,
        List<ChangelogItem> changelog,
        List<String> jiraUrls) {

    /** @param visibility the role or group the comment is restricted to, if it is */
    public record Comment(String id, String body, Optional<JiraUser> author, Optional<JiraUser> updateAuthor,
            Optional<Visibility> visibility) {
    }

    public record ChangelogItem(String field, String from, String to) {
    }

    private static final Set<String> USER_MEMBERS = Set.of("self", "name", "key", "emailAddress", "displayName");

    /**
     * The members {@link #parse} reads, by the path of the object that holds them; a reader may leave
     * the others out (most of a real payload is the issue's fields, which are not read but for labels).
     */
    public static final Map<String, Set<String>> MEMBERS_READ = Map.of(
            "", Set.of("webhookEvent", "timestamp", "issue_event_type_name", "issue", "user", "comment", "changelog"),
            "/issue", Set.of("self", "id", "key", "fields"),
            "/issue/fields", Set.of("labels"),
            "/user", USER_MEMBERS,
            "/comment", Set.of("id", "body", "self", "author", "updateAuthor", "visibility"),
            "/comment/visibility", Set.of("type", "value"),
            "/comment/author", USER_MEMBERS,
            "/comment/updateAuthor", USER_MEMBERS,
            "/changelog", Set.of("id", "items"));

    private static final Pattern COMMENT_SELF = Pattern.compile("/rest/api/2/issue/(\\d+)/comment/(\\d+)");

    /*
     * Jira's ids are numbers and its user names and keys at most 255 characters; longer values, or ones with control
     * characters, are not from Jira, and would not fit the columns they are stored in (or PostgreSQL refuses them).
     */
    private static final int MAX_ID = 32;
    private static final int MAX_EVENT_NAME = 64;
    private static final int MAX_ISSUE_KEY = 64;
    private static final int MAX_USER = 255;

    public static WebhookEvent parse(JsonObject json) {
        String event = plain(text(json, "webhookEvent"), "its 'webhookEvent'", MAX_EVENT_NAME)
                .orElseThrow(() -> new MalformedEvent("it has no 'webhookEvent'"));
        long timestamp = json.get("timestamp") instanceof jakarta.json.JsonNumber number ? number.longValue() : 0;
        List<String> urls = new ArrayList<>();
        Optional<JsonObject> issue = object(json, "issue");
        Optional<JsonObject> commentJson = object(json, "comment");
        issue.flatMap(i -> text(i, "self")).ifPresent(urls::add);
        Optional<JiraUser> user = object(json, "user").map(u -> user(u, urls));
        Optional<Comment> comment = commentJson.map(c -> new Comment(
                plain(text(c, "id"), "its comment's 'id'", MAX_ID)
                        .orElseThrow(() -> new MalformedEvent("its comment has no 'id'")),
                text(c, "body").orElse(""),
                object(c, "author").map(u -> user(u, urls)),
                object(c, "updateAuthor").map(u -> user(u, urls)),
                Visibility.of(c)));
        commentJson.flatMap(c -> text(c, "self")).ifPresent(urls::add);

        Optional<String> issueId = plain(issue.flatMap(i -> text(i, "id"))
                .or(() -> commentJson.flatMap(c -> text(c, "self")).map(COMMENT_SELF::matcher).filter(Matcher::find)
                        .map(m -> m.group(1))),
                "its issue id", MAX_ID);
        Optional<JsonObject> fields = issue.flatMap(i -> object(i, "fields"));
        List<String> labels = fields.map(f -> f.get("labels")).filter(JsonArray.class::isInstance)
                .map(JsonArray.class::cast)
                .map(array -> array.stream().filter(JsonString.class::isInstance).map(l -> ((JsonString) l).getString())
                        .toList())
                .orElse(List.of());
        Optional<JsonObject> changelog = object(json, "changelog");
        List<ChangelogItem> items = changelog.map(c -> c.get("items")).filter(JsonArray.class::isInstance)
                .map(JsonArray.class::cast)
                .map(array -> array.stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast)
                        .map(item -> new ChangelogItem(text(item, "field").orElse(""),
                                text(item, "fromString").orElse(""),
                                text(item, "toString").orElse("")))
                        .toList())
                .orElse(List.of());
        Optional<JiraUser> actor = user.or(() -> comment.flatMap(c -> event.equals("comment_updated")
                ? c.updateAuthor().or(c::author) : c.author()));
        actor.ifPresent(a -> {
            plain(Optional.of(a.name()), "its user's 'name'", MAX_USER);
            plain(Optional.of(a.key()), "its user's 'key'", MAX_USER);
        });
        return new WebhookEvent(event, timestamp, text(json, "issue_event_type_name"), issueId,
                plain(issue.flatMap(i -> text(i, "key")), "its issue's 'key'", MAX_ISSUE_KEY), actor, comment, labels,
                plain(changelog.flatMap(c -> text(c, "id")), "its changelog's 'id'", MAX_ID), items, List.copyOf(urls));
    }

    private static Optional<String> plain(Optional<String> value, String what, int maxLength) {
        if (value.filter(v -> v.length() > maxLength || v.chars().anyMatch(Character::isISOControl)).isPresent()) {
            throw new MalformedEvent(what + " is longer than " + maxLength + " characters or has control characters");
        }
        return value;
    }

    private static JiraUser user(JsonObject json, List<String> urls) {
        text(json, "self").ifPresent(urls::add);
        return JiraUser.fromJson(json);
    }

    private static Optional<JsonObject> object(JsonObject json, String name) {
        return json.get(name) instanceof JsonObject object ? Optional.of(object) : Optional.empty();
    }

    /** A string, or a number written as one (Jira sends ids as strings, but be lenient). */
    private static Optional<String> text(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (value instanceof JsonString string) {
            return Optional.of(string.getString()).filter(s -> !s.isBlank());
        }
        if (value instanceof jakarta.json.JsonNumber number) {
            return Optional.of(number.toString());
        }
        return Optional.empty();
    }

    /** The JSON is not a Jira webhook event; the message says what is missing. */
    public static class MalformedEvent extends RuntimeException {
        public MalformedEvent(String reason) {
            super("The delivery is not a Jira webhook event: " + reason + ".");
        }
    }
}
