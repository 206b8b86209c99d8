package dev.openhands.jiradc.testing.openhands;

import static com.github.tomakehurst.wiremock.client.WireMock.*;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * OpenHands' start task search ({@code GET /api/v1/app-conversations/start-tasks/search}) as OpenHands answers it:
 * every start a person asked for is a task of theirs, created when the request came, with the request it was made for.
 * The tasks are the ones this stand-in's start stubs answered with, even where the test made the answer get lost on the
 * way (a broken connection): OpenHands made the start all the same.
 */
public final class StartTaskSearch implements ResponseDefinitionTransformerV2 {

    static final String NAME = "openhands-start-task-search";
    static final String PATH = "/api/v1/app-conversations/start-tasks/search";

    private volatile WireMockServer openHands;

    /** Answers the search on this server, below every stub a test makes. */
    public void serve(WireMockServer server, int priority) {
        this.openHands = server;
        server.stubFor(get(urlPathEqualTo(PATH)).atPriority(priority).willReturn(aResponse().withTransformers(NAME)));
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
    public ResponseDefinition transform(ServeEvent search) {
        String person = search.getRequest().getHeader("Authorization");
        Instant since = Optional.ofNullable(search.getRequest().queryParameter("created_at__gte"))
                .filter(value -> value.isPresent()).map(value -> Instant.parse(value.firstValue()))
                .orElse(Instant.EPOCH);
        JsonArrayBuilder items = Json.createArrayBuilder();
        openHands.getAllServeEvents().stream()
                .filter(event -> event.getRequest().getMethod().getName().equals("POST")
                        && event.getRequest().getUrl().equals("/api/v1/app-conversations")
                        && Objects.equals(person, event.getRequest().getHeader("Authorization"))
                        && !event.getRequest().getLoggedDate().toInstant().isBefore(since))
                .sorted(Comparator.comparing(event -> event.getRequest().getLoggedDate()))
                .map(StartTaskSearch::taskMadeBy).flatMap(Optional::stream).forEach(items::add);
        return okJson(Json.createObjectBuilder().add("items", items).addNull("next_page_id").build().toString())
                .build();
    }

    /**
     * The task a start stub answered with, as OpenHands keeps it: created when asked, for the request it was asked
     * with.
     */
    private static Optional<JsonObject> taskMadeBy(ServeEvent start) {
        String answer = start.getResponseDefinition().getTextBody();
        if (answer == null || !answer.startsWith("{")) {
            return Optional.empty();
        }
        JsonObject task = Json.createReader(new StringReader(answer)).readObject();
        JsonObject asked = Json.createReader(new StringReader(start.getRequest().getBodyAsString())).readObject();
        String created = start.getRequest().getLoggedDate().toInstant().toString();
        JsonObject request = Json.createObjectBuilder(task.getJsonObject("request"))
                .add("conversation_id", asked.getOrDefault("conversation_id", JsonValue.NULL)).build();
        return Optional.of(Json.createObjectBuilder(task).add("request", request).add("created_at", created)
                .add("updated_at", created).build());
    }
}
