package dev.openhands.jiradc.testing;

import dev.openhands.jiradc.testing.browser.Browser;
import dev.openhands.jiradc.testing.jira.JiraWebhookSigner;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A manual connection an admin generated and activated through the API, ready to receive signed deliveries. */
public record ActiveConnection(URL service, String id, String secret) {

    public static ActiveConnection create(URL service, Browser admin) {
        JsonObject details = Http.json(admin.postJson("/api/integrations/jira-dc/connections/manual", "{}"));
        String id = details.getString("id");
        var activated = admin.postJson("/api/integrations/jira-dc/connections/" + id + "/activate", "{}");
        if (activated.statusCode() != 200) {
            throw new IllegalStateException("cannot activate the connection: " + activated.body());
        }
        return new ActiveConnection(service, id, details.getString("secret"));
    }

    /** Posts the body as Jira would, signed with this connection's secret. */
    public HttpResponse<String> deliver(byte[] body) {
        return deliver(body, JiraWebhookSigner.sign(body, secret));
    }

    public HttpResponse<String> deliver(byte[] body, String signature) {
        HttpRequest.Builder request = HttpRequest
                .newBuilder(ServiceUrls.local(service, "/integration/jira-dc/connections/" + id
                        + "/events"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header(JiraWebhookSigner.HEADER, signature);
        }
        return Http.send(request.build());
    }
}
