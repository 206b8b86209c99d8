package dev.openhands.jiradc.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.*;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.openhands.jiradc.testing.openhands.OpenHandsConversations;
import dev.openhands.jiradc.testing.openhands.OpenHandsUsers;
import jakarta.json.Json;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OpenHands for the capacity benchmark: every conversation asked for is running, with the same newest event each time
 * (nothing new, so each job's wait grows to the longest), answered from the harness' models of OpenHands' published
 * API; one transformer instead of a stub per conversation, which WireMock would match one by one. It counts what it is
 * asked instead of keeping a request journal, and can be made to answer 503 to everything (an outage).
 */
final class RunningConversations implements ResponseDefinitionTransformerV2 {

    static final String NAME = "capacity-running-conversations";
    static final String NEWEST_EVENT = "capacity-event-1";
    private static final Pattern EVENTS = Pattern.compile("/api/v1/conversation/([^/]+)/events/search");

    private final String userId;
    private final String repository;
    private volatile boolean down;
    final AtomicLong conversationLooks = new AtomicLong();
    final AtomicLong eventReads = new AtomicLong();
    /** Conversation looks (one per check) by the second they came in, since the epoch. */
    final ConcurrentHashMap<Long, AtomicLong> looksBySecond = new ConcurrentHashMap<>();

    RunningConversations(String apiKey, String repository) {
        this.userId = OpenHandsUsers.idOf(apiKey);
        this.repository = repository;
    }

    void serve(WireMockServer openHands) {
        openHands.stubFor(get(urlPathEqualTo("/api/v1/app-conversations")).atPriority(5)
                .willReturn(aResponse().withTransformers(NAME)));
        openHands.stubFor(get(urlPathMatching(EVENTS.pattern())).atPriority(5)
                .willReturn(aResponse().withTransformers(NAME)));
    }

    void down(boolean down) {
        this.down = down;
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
        String path = event.getRequest().getUrl().split("\\?")[0];
        Matcher events = EVENTS.matcher(path);
        if (events.matches()) {
            eventReads.incrementAndGet();
        } else {
            conversationLooks.incrementAndGet();
            looksBySecond.computeIfAbsent(System.currentTimeMillis() / 1000, second -> new AtomicLong())
                    .incrementAndGet();
        }
        if (down) {
            return aResponse().withStatus(503).withBody("OpenHands is down for the benchmark").build();
        }
        if (events.matches()) {
            return okJson(OpenHandsConversations.eventPage(OpenHandsConversations.observation(NEWEST_EVENT))).build();
        }
        String id = event.getRequest().queryParameter("ids").firstValue();
        return okJson(Json.createArrayBuilder()
                .add(OpenHandsConversations.conversation(userId, repository, id, "running", "RUNNING")).build()
                .toString()).build();
    }
}
