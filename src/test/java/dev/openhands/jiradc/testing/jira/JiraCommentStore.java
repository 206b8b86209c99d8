package dev.openhands.jiradc.testing.jira;

import static com.github.tomakehurst.wiremock.client.WireMock.*;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jira's comments as Jira keeps them: a comment posted on an issue is in the issue's comment list
 * afterwards, with its properties ({@code expand=properties}) and, when the store knows whose token posted it, its
 * author. Registered on every WireMock Jira; {@link #keepComments} routes the comment calls of all issues to it. The
 * simulator also writes to it what people say on its page ({@link #add}, {@link #edit}, {@link #delete}).
 */
public final class JiraCommentStore implements ResponseDefinitionTransformerV2 {

    static final String NAME = "jira-comment-store";
    private static final Pattern COMMENTS = Pattern.compile("/rest/api/2/issue/([^/?]+)/comment.*");
    /** How Jira writes a comment's times. */
    public static final DateTimeFormatter JIRA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private final Map<String, List<JsonObject>> byIssue = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(500_000);
    private final Function<String, Optional<JsonObject>> authorOfToken;

    /** Comments without an author, as the tests read them. */
    public JiraCommentStore() {
        this(token -> Optional.empty());
    }

    /** @param authorOfToken the Jira user (as Jira writes one) a bearer token belongs to, if it is known */
    public JiraCommentStore(Function<String, Optional<JsonObject>> authorOfToken) {
        this.authorOfToken = authorOfToken;
    }

    /** From now on, comments posted to any issue are kept and listed. */
    public static void keepComments(WireMockServer jira) {
        jira.stubFor(post(urlPathMatching("/rest/api/2/issue/[^/]+/comment")).atPriority(1)
                .willReturn(aResponse().withTransformers(NAME)));
        jira.stubFor(get(urlPathMatching("/rest/api/2/issue/[^/]+/comment")).atPriority(1)
                .willReturn(aResponse().withTransformers(NAME)));
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        Matcher path = COMMENTS.matcher(event.getRequest().getUrl());
        if (!path.matches()) {
            return ResponseDefinition.notFound();
        }
        if (event.getRequest().getMethod().getName().equals("POST")) {
            JsonObject posted = Json.createReader(new StringReader(event.getRequest().getBodyAsString())).readObject();
            String bearer = Optional.ofNullable(event.getRequest().getHeader("Authorization")).orElse("")
                    .replaceFirst("^Bearer ", "");
            JsonObject withAuthor = authorOfToken.apply(bearer)
                    .map(author -> Json.createObjectBuilder(posted).add("author", author).add("updateAuthor", author)
                            .build())
                    .orElse(posted);
            String id = add(path.group(1), withAuthor).getString("id");
            return aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                    .withBody("{\"id\":\"" + id + "\"}").build();
        }
        boolean withProperties = event.getRequest().getUrl().contains("expand=properties");
        List<JsonObject> comments = comments(path.group(1));
        JsonArrayBuilder newestFirst = Json.createArrayBuilder();
        for (int i = comments.size() - 1; i >= 0; i--) {
            JsonObject comment = comments.get(i);
            newestFirst.add(withProperties ? comment : Json.createObjectBuilder(comment).remove("properties").build());
        }
        return okJson(Json.createObjectBuilder().add("startAt", 0).add("maxResults", 50).add("total", comments.size())
                .add("comments", newestFirst).build().toString()).build();
    }

    /** Keeps a comment on the issue as Jira would: with a new id and the time it was made. */
    public JsonObject add(String issueKey, JsonObject comment) {
        String now = now();
        JsonObject kept = Json.createObjectBuilder(comment).add("id", String.valueOf(ids.incrementAndGet()))
                .add("created", now)
                .add("updated", now).build();
        List<JsonObject> comments = byIssue.computeIfAbsent(issueKey, key -> new ArrayList<>());
        synchronized (comments) {
            comments.add(kept);
        }
        return kept;
    }

    /** The comment with its new body, as Jira keeps it after an edit; empty when there is no such comment. */
    public Optional<JsonObject> edit(String issueKey, String commentId, String body) {
        List<JsonObject> comments = byIssue.getOrDefault(issueKey, List.of());
        synchronized (comments) {
            for (int i = 0; i < comments.size(); i++) {
                if (comments.get(i).getString("id").equals(commentId)) {
                    comments.set(i,
                            Json.createObjectBuilder(comments.get(i)).add("body", body).add("updated", now()).build());
                    return Optional.of(comments.get(i));
                }
            }
        }
        return Optional.empty();
    }

    /** The comment as it was before it was deleted; empty when there is no such comment. */
    public Optional<JsonObject> delete(String issueKey, String commentId) {
        List<JsonObject> comments = byIssue.getOrDefault(issueKey, List.of());
        synchronized (comments) {
            Optional<JsonObject> found = comments.stream().filter(comment -> comment.getString("id").equals(commentId))
                    .findFirst();
            found.ifPresent(comments::remove);
            return found;
        }
    }

    /** The issue's comments, oldest first. */
    public List<JsonObject> comments(String issueKey) {
        List<JsonObject> comments = byIssue.getOrDefault(issueKey, List.of());
        synchronized (comments) {
            return List.copyOf(comments);
        }
    }

    private static String now() {
        return OffsetDateTime.now(ZoneOffset.UTC).format(JIRA_TIME);
    }
}
