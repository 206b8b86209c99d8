package dev.openhands.jiradc.simulator;

import dev.openhands.jiradc.testing.jira.JiraEvent;
import dev.openhands.jiradc.testing.jira.JiraWebhookSigner;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Jira's webhook deliveries: each event goes, as Jira sends it, to every active webhook subscribed to it, its body
 * rendered from the same templates the tests use ({@link JiraEvent}) and signed with the webhook's secret
 * ({@code X-Hub-Signature}). The newest answers are kept for the page.
 */
final class Deliveries {

    record Delivery(LocalTime at, String event, String url, String answer) {
    }

    private static final int KEPT = 12;

    private final String jiraBaseUrl;
    private final JiraWebhooks webhooks;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Deque<Delivery> newestFirst = new ArrayDeque<>();

    Deliveries(String jiraBaseUrl, JiraWebhooks webhooks) {
        this.jiraBaseUrl = jiraBaseUrl;
        this.webhooks = webhooks;
    }

    /** Sends the event to every webhook that wants it; a note on the page when none does. */
    void send(String webhookEvent, JiraEvent event) {
        List<JiraWebhooks.Webhook> subscribed = webhooks.all().stream()
                .filter(webhook -> webhook.delivers(webhookEvent)).toList();
        if (subscribed.isEmpty()) {
            keep(new Delivery(now(), webhookEvent, "",
                    "not sent: no webhook wants it (install it on the service's settings page)"));
        }
        byte[] body = event.bytes(jiraBaseUrl);
        for (JiraWebhooks.Webhook webhook : subscribed) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(webhook.url())).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json; charset=UTF-8")
                    .header("User-Agent", "Atlassian HttpClient 4.2.0")
                    .header(JiraWebhookSigner.HEADER, JiraWebhookSigner.sign(body, webhook.secret()))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            String answer;
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                answer = response.statusCode() + " " + response.body();
            } catch (IOException e) {
                answer = "not delivered: " + e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                answer = "not delivered: interrupted";
            }
            keep(new Delivery(now(), webhookEvent, webhook.url(), answer));
            String said = answer;
            System.out.println("[simulator] " + webhookEvent + " -> " + webhook.url() + ": " + said);
        }
    }

    List<Delivery> newestFirst() {
        synchronized (newestFirst) {
            return List.copyOf(newestFirst);
        }
    }

    private void keep(Delivery delivery) {
        synchronized (newestFirst) {
            newestFirst.addFirst(delivery);
            while (newestFirst.size() > KEPT) {
                newestFirst.removeLast();
            }
        }
    }

    private static LocalTime now() {
        return LocalTime.now().truncatedTo(ChronoUnit.SECONDS);
    }
}
