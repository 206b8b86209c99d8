package dev.openhands.jiradc.simulator;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The webhooks registered through the simulated Jira's webhook admin API (Jira 10's jira-webhook plugin): their
 * address, events and signing secret ({@code configuration.SECRET}), as the service sent them.
 */
final class JiraWebhooks {

    record Webhook(int id, String name, String url, List<String> events, boolean active, String secret) {

        /** As Jira lists it: without the secret. */
        JsonObject json() {
            JsonArrayBuilder subscribed = Json.createArrayBuilder();
            events.forEach(subscribed::add);
            return Json.createObjectBuilder().add("id", id).add("name", name).add("url", url).add("events", subscribed)
                    .add("active", active).add("scopeType", "global")
                    .add("configuration", Json.createObjectBuilder().add("EXCLUDE_BODY", "false")).build();
        }

        boolean delivers(String event) {
            return active && events.contains(event);
        }
    }

    private final Map<Integer, Webhook> byId = new ConcurrentSkipListMap<>();
    private final AtomicInteger ids = new AtomicInteger(10);

    String list() {
        JsonArrayBuilder all = Json.createArrayBuilder();
        byId.values().forEach(webhook -> all.add(webhook.json()));
        return all.build().toString();
    }

    Webhook create(JsonObject body) {
        return put(ids.incrementAndGet(), body);
    }

    Optional<Webhook> update(int id, JsonObject body) {
        return byId.containsKey(id) ? Optional.of(put(id, body)) : Optional.empty();
    }

    boolean delete(int id) {
        return byId.remove(id) != null;
    }

    List<Webhook> all() {
        return List.copyOf(byId.values());
    }

    private Webhook put(int id, JsonObject body) {
        JsonObject configuration = body.getJsonObject("configuration");
        String secret = configuration == null ? "" : configuration.getString("SECRET", "");
        List<String> events = body.containsKey("events")
                ? body.getJsonArray("events").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList()
                : List.of();
        Webhook webhook = new Webhook(id, body.getString("name", ""), body.getString("url", ""), events,
                body.getBoolean("active", true),
                secret);
        byId.put(id, webhook);
        return webhook;
    }
}
