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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jira's comments as Jira keeps them: a comment posted on an issue is in the issue's comment list
 * afterwards, with its properties ({@code expand=properties}). Registered on every WireMock Jira;
 * {@link #keepComments} routes the comment calls of all issues to it.
 */
public final class JiraCommentStore implements ResponseDefinitionTransformerV2 {

    static final String NAME = "jira-comment-store";
    private static final Pattern COMMENTS = Pattern.compile("/rest/api/2/issue/([^/?]+)/comment.*");

    private final Map<String, List<JsonObject>> byIssue = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(500_000);

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
        List<JsonObject> comments = byIssue.computeIfAbsent(path.group(1), key -> new ArrayList<>());
        if (event.getRequest().getMethod().getName().equals("POST")) {
            JsonObject posted = Json.createReader(new StringReader(event.getRequest().getBodyAsString())).readObject();
            String id = String.valueOf(ids.incrementAndGet());
            synchronized (comments) {
                comments.add(Json.createObjectBuilder(posted).add("id", id).add("created", "2026-11-29T10:00:00.000+0000").build());
            }
            return aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                    .withBody("{\"id\":\"" + id + "\"}").build();
        }
        boolean withProperties = event.getRequest().getUrl().contains("expand=properties");
        JsonArrayBuilder newestFirst = Json.createArrayBuilder();
        synchronized (comments) {
            for (int i = comments.size() - 1; i >= 0; i--) {
                JsonObject comment = comments.get(i);
                newestFirst.add(withProperties ? comment : Json.createObjectBuilder(comment).remove("properties").build());
            }
        }
        return okJson(Json.createObjectBuilder().add("startAt", 0).add("maxResults", 50).add("total", comments.size())
                .add("comments", newestFirst).build().toString()).build();
    }
}
