package dev.openhands.jiradc.simulator;

import static dev.openhands.jiradc.simulator.Answers.*;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jira Data Center's REST API as the service calls it (comments are {@code JiraCommentStore}'s): the current user,
 * the OAuth 2.0 provider with its authorize page, the issue, reactions, user search, server info and the webhook admin
 * API, with the shapes of {@code docs/dev/jira-dc-stubs.md}.
 */
final class SimulatedJira implements ResponseDefinitionTransformerV2 {

    static final String NAME = "simulated-jira";
    private static final Pattern WEBHOOK = Pattern.compile("/rest/jira-webhook/1.0/webhooks/(\\d+)");

    private final String baseUrl;
    private final JiraAccounts accounts;
    private final JiraWebhooks webhooks;
    private final SimulatedIssue issue;

    SimulatedJira(String baseUrl, JiraAccounts accounts, JiraWebhooks webhooks, SimulatedIssue issue) {
        this.baseUrl = baseUrl;
        this.accounts = accounts;
        this.webhooks = webhooks;
        this.issue = issue;
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
        LoggedRequest request = event.getRequest();
        String method = request.getMethod().getName();
        String path = path(request.getUrl());
        Map<String, String> query = query(request.getUrl());
        String token = bearer(request.getHeader("Authorization"));
        if (path.equals("/rest/api/2/serverInfo")) {
            return json(200, """
                    {"baseUrl":"%s","version":"10.3.0","versionNumbers":[10,3,0],"deploymentType":"Server",\
                    "buildNumber":10030000,"serverTitle":"Jira DC simulator (development only)"}""".formatted(baseUrl));
        }
        if (path.startsWith("/rest/oauth2/latest/")) {
            return oauth(method, path, query, request.getBodyAsString());
        }
        if (path.startsWith("/rest/jira-webhook/1.0/webhooks")) {
            return webhookAdmin(method, path, token, request.getBodyAsString());
        }
        Optional<JsonObject> caller = accounts.ownerOf(token);
        if (caller.isEmpty()) {
            return unauthorized();
        }
        if (path.equals("/rest/api/2/myself")) {
            return json(200, caller.get().toString());
        }
        if (path.equals("/rest/api/2/issue/" + SimulatedIssue.KEY)
                || path.equals("/rest/api/2/issue/" + SimulatedIssue.ID)) {
            return json(200, issue.json().toString());
        }
        if (path.startsWith("/rest/api/2/issue/")) {
            return jiraError(404, "Issue Does Not Exist");
        }
        if (path.equals("/rest/internal/2/reactions") && method.equals("POST")) {
            return json(200, "{}");
        }
        if (path.equals("/rest/api/2/user/search") || path.equals("/rest/api/2/user")) {
            String wanted = query.getOrDefault("username", "");
            JsonObject developer = accounts.developer();
            boolean found = wanted.equalsIgnoreCase(developer.getString("name"))
                    || wanted.equalsIgnoreCase(developer.getString("emailAddress"));
            if (path.endsWith("/user")) {
                return found ? json(200, developer.toString())
                        : jiraError(404, "The user named '" + wanted + "' does not exist");
            }
            return json(200, found ? "[" + developer + "]" : "[]");
        }
        return jiraError(404, "The simulator does not play " + method + " " + path);
    }

    private ResponseDefinition oauth(String method, String path, Map<String, String> query, String body) {
        if (path.equals("/rest/oauth2/latest/authorize") && method.equals("GET")) {
            return authorizePage(query);
        }
        if (path.equals("/rest/oauth2/latest/authorize/decision") && method.equals("GET")) {
            String separator = query.getOrDefault("redirect_uri", "").contains("?") ? "&" : "?";
            String state = "state=" + encode(query.getOrDefault("state", ""));
            if (!"allow".equals(query.get("decision"))) {
                return redirect(query.get("redirect_uri") + separator + "error=access_denied&" + state);
            }
            String code = accounts.grant(query.get("redirect_uri"), query.getOrDefault("code_challenge", ""));
            return redirect(query.get("redirect_uri") + separator + "code=" + encode(code) + "&" + state);
        }
        if (path.equals("/rest/oauth2/latest/token") && method.equals("POST")) {
            Map<String, String> form = parameters(body);
            if (!JiraAccounts.OAUTH_CLIENT_ID.equals(form.get("client_id"))
                    || !JiraAccounts.OAUTH_CLIENT_SECRET.equals(form.get("client_secret"))) {
                return json(401,
                        "{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\"}");
            }
            Optional<String[]> tokens = "refresh_token".equals(form.get("grant_type"))
                    ? accounts.refresh(form.get("refresh_token"))
                    : accounts.exchange(form.get("code"), form.get("redirect_uri"), form.get("code_verifier"));
            return tokens
                    .map(pair -> json(200,
                            """
                                    {"access_token":"%s","token_type":"bearer","expires_in":3600,\
                                    "refresh_token":"%s","scope":"WRITE"}"""
                                    .formatted(pair[0], pair[1])))
                    .orElse(json(400,
                            "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid authorization grant\"}"));
        }
        return jiraError(404, "No such OAuth endpoint");
    }

    /** Jira's consent page, reduced to its question: the service's client asks to act as the developer. */
    private ResponseDefinition authorizePage(Map<String, String> query) {
        if (!JiraAccounts.OAUTH_CLIENT_ID.equals(query.get("client_id"))
                || !"S256".equals(query.get("code_challenge_method"))) {
            return html("<!doctype html><title>Jira (simulated)</title><p>Unknown client or no PKCE: client_id must be "
                    + JiraAccounts.OAUTH_CLIENT_ID + " with code_challenge_method=S256.</p>");
        }
        StringBuilder hidden = new StringBuilder();
        for (String name : new String[]{"redirect_uri", "state", "code_challenge"}) {
            hidden.append("<input type=hidden name=\"").append(name).append("\" value=\"")
                    .append(escape(query.getOrDefault(name, "")))
                    .append("\">");
        }
        return html(
                """
                        <!doctype html><html><head><meta charset="utf-8">\
                        <title>Jira (simulated): allow access</title>%s</head><body>
                        <div class="banner">Jira Data Center simulator: development only</div>
                        <main class="card" id="consent"><h1>Allow OpenHands for Jira DC to access your account?</h1>
                        <p>Signed in to Jira as <b>Developer</b> (developer@example.com). The application asks for \
                        <b>WRITE</b>
                        access: it will comment on issues as you.</p>
                        <form action="/rest/oauth2/latest/authorize/decision" method="get">%s
                        <button name="decision" value="allow" id="allow">Allow</button>
                        <button name="decision" value="deny" id="deny" class="secondary">Deny</button></form>\
                        </main></body></html>"""
                        .formatted(SimulatorPage.STYLE, hidden));
    }

    private ResponseDefinition webhookAdmin(String method, String path, String token, String body) {
        if (!JiraAccounts.ADMIN_PAT.equals(token)) {
            return unauthorized();
        }
        Matcher one = WEBHOOK.matcher(path);
        if (path.equals("/rest/jira-webhook/1.0/webhooks")) {
            if (method.equals("GET")) {
                return json(200, webhooks.list());
            }
            if (method.equals("POST")) {
                return json(201, webhooks.create(read(body)).json().toString());
            }
        } else if (one.matches()) {
            int id = Integer.parseInt(one.group(1));
            if (method.equals("PUT")) {
                return webhooks.update(id, read(body)).map(webhook -> json(200, webhook.json().toString()))
                        .orElse(jiraError(404, "No webhook " + id));
            }
            if (method.equals("DELETE")) {
                return webhooks.delete(id) ? noContent() : jiraError(404, "No webhook " + id);
            }
            if (method.equals("GET")) {
                return webhooks.all().stream().filter(webhook -> webhook.id() == id).findFirst()
                        .map(webhook -> json(200, webhook.json().toString()))
                        .orElse(jiraError(404, "No webhook " + id));
            }
        }
        return jiraError(405, method + " is not allowed here");
    }

    private static JsonObject read(String body) {
        return Json.createReader(new StringReader(body == null || body.isBlank() ? "{}" : body)).readObject();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
