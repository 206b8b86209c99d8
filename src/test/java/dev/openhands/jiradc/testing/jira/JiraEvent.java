package dev.openhands.jiradc.testing.jira;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A Jira Data Center webhook body, from the templates in {@code src/test/resources/jira/events},
 * shaped as DC sends them: user objects with {@code name}/{@code key}/{@code emailAddress}, labels
 * changelogs with whole space-separated sets, comment events without a top-level {@code user}.
 * Every placeholder has a realistic default; tests change only what they are about.
 */
public final class JiraEvent {

    /** The events the webhook subscribes to, and the template each one uses. */
    public static final List<String> SUBSCRIBED_EVENTS = List.of("jira:issue_created", "jira:issue_updated",
            "jira:issue_deleted", "comment_created", "comment_updated", "comment_deleted");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");

    private final String template;
    private final Map<String, String> values = new LinkedHashMap<>();

    private JiraEvent(String templateName) {
        this.template = load(templateName);
        values.put("timestamp", String.valueOf(System.currentTimeMillis()));
        values.put("issueId", "10002");
        values.put("issueKey", "ACME-7");
        values.put("projectKey", "ACME");
        values.put("summary", "Login page crashes on an empty password");
        values.put("description", "Steps: open /login, submit without a password.\r\n\r\nRepository: acme/web-app");
        values.put("labelsJson", "[\"bug\"]");
        values.put("labelsFrom", "bug");
        values.put("labelsTo", "bug openhands");
        values.put("changelogId", "10300");
        values.put("commentId", "10106");
        values.put("commentBody", "@openhands please fix this");
        values.put("commentUpdated", "2026-11-28T16:02:11.000+0100");
        values.put("commentVisibilityJson", "");
        actor("alice", "JIRAUSER10100", "alice@example.com", "Alice Example");
    }

    public static JiraEvent issueCreated() {
        return new JiraEvent("jira_issue_created");
    }

    /** A field change; by default the {@code openhands} label added beside {@code bug}. */
    public static JiraEvent issueUpdated() {
        return new JiraEvent("jira_issue_updated");
    }

    /** The {@code jira:issue_updated} ({@code issue_commented}) Jira sends beside every {@code comment_created}. */
    public static JiraEvent issueCommented() {
        return new JiraEvent("jira_issue_commented");
    }

    public static JiraEvent issueDeleted() {
        return new JiraEvent("jira_issue_deleted");
    }

    public static JiraEvent commentCreated() {
        return new JiraEvent("comment_created");
    }

    public static JiraEvent commentUpdated() {
        return new JiraEvent("comment_updated");
    }

    public static JiraEvent commentDeleted() {
        return new JiraEvent("comment_deleted");
    }

    /** The template of a subscribed event name, such as {@code jira:issue_updated}. */
    public static JiraEvent named(String webhookEvent) {
        return new JiraEvent(webhookEvent.replace(':', '_'));
    }

    public JiraEvent with(String placeholder, String value) {
        if (!values.containsKey(placeholder)) {
            throw new IllegalArgumentException("no placeholder " + placeholder + " in Jira event templates");
        }
        values.put(placeholder, value);
        return this;
    }

    public JiraEvent actor(String name, String key, String email, String displayName) {
        values.put("actorName", name);
        values.put("actorKey", key);
        values.put("actorEmail", email);
        values.put("actorDisplayName", displayName);
        return this;
    }

    public JiraEvent issue(String id, String key) {
        return with("issueId", id).with("issueKey", key);
    }

    public JiraEvent comment(String id, String body) {
        return with("commentId", id).with("commentBody", body);
    }

    /**
     * A comment only members of this project role see, as Jira writes it: {@code "visibility": {"type": "role", ...}}.
     */
    public JiraEvent restrictedTo(String role) {
        return with("commentVisibilityJson",
                "\n    \"visibility\": {\"type\": \"role\", \"value\": \"" + role + "\"},");
    }

    public JiraEvent labels(List<String> before, List<String> after) {
        return with("labelsFrom", String.join(" ", before)).with("labelsTo", String.join(" ", after))
                .with("labelsJson",
                        after.stream().map(label -> "\"" + label + "\"").collect(Collectors.joining(",", "[", "]")));
    }

    /** The JSON body, with every Jira URL on {@code jiraBaseUrl}. */
    public String render(String jiraBaseUrl) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder body = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = name.equals("jira") ? jiraBaseUrl : values.get(name);
            if (value == null) {
                throw new IllegalStateException("no value for {{" + name + "}}");
            }
            // values that stand inside a JSON string are escaped; the JSON fragments (*Json) are not
            matcher.appendReplacement(body, Matcher.quoteReplacement(name.endsWith("Json") ? value : escape(value)));
        }
        matcher.appendTail(body);
        return body.toString();
    }

    public byte[] bytes(String jiraBaseUrl) {
        return render(jiraBaseUrl).getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String value) {
        StringBuilder escaped = new StringBuilder();
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> escaped.append("\\\"");
                case '\\' -> escaped.append("\\\\");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                default -> escaped.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return escaped.toString();
    }

    private static String load(String name) {
        try (InputStream in = JiraEvent.class.getResourceAsStream("/jira/events/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no Jira event template " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
