package dev.openhands.jiradc.simulator;

import static dev.openhands.jiradc.simulator.Answers.*;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import jakarta.json.JsonObject;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The simulator's page: the issue as a person sees it in Jira, the forms that act on it (each action sends the
 * webhooks Jira sends), how the simulated OpenHands ends its conversations, what the setup still needs, and the newest
 * deliveries with the service's answers. Plain HTML; a small script refreshes the comments and deliveries.
 */
final class SimulatorPage implements ResponseDefinitionTransformerV2 {

    static final String NAME = "simulator-page";
    static final String STYLE = """
            <style>
            body{font-family:system-ui,sans-serif;margin:0;background:#f4f5f7;color:#172b4d}
            .banner{background:#ffab00;padding:.4em 1em;font-weight:600}
            main{display:grid;grid-template-columns:minmax(0,2fr) minmax(0,1fr);gap:1em;padding:1em;max-width:1200px}
            .card{background:#fff;border-radius:4px;padding:1em;box-shadow:0 1px 2px #0002;margin:1em}
            main .card{margin:0}
            h1{font-size:1.4em;margin:.2em 0} h2{font-size:1.05em;margin:.2em 0 .6em}
            .key{color:#5e6c84;font-size:.9em} \
            .label{background:#dfe1e6;border-radius:3px;padding:0 .4em;margin-right:.3em}
            .comment{border-top:1px solid #dfe1e6;padding:.6em 0} .author{font-weight:600} \
            .when{color:#5e6c84;font-size:.85em}
            .body{white-space:pre-wrap;margin:.3em 0} .bot .author{color:#0052cc}
            textarea{width:100%;box-sizing:border-box;font:inherit} \
            button{background:#0052cc;color:#fff;border:0;border-radius:3px;
            padding:.4em .8em;cursor:pointer;margin:.2em .2em .2em 0} button.secondary{background:#dfe1e6;color:#172b4d}
            code{background:#f4f5f7;padding:0 .2em} \
            .delivery{font-size:.85em;border-top:1px solid #dfe1e6;padding:.3em 0;word-break:break-all}
            .todo{color:#bf2600} .done{color:#006644} form.inline{display:inline}
            </style>""";
    private static final int BURST = 20;
    /**
     * Where the bot's conversation links lead in the run ({@code openhands.web-url}): OpenHands' web app, simulated.
     */
    static final String CONVERSATIONS = "/simulator/openhands/conversations";
    private static final Pattern CONVERSATION = Pattern.compile(CONVERSATIONS + "/([\\w-]+)");
    private static final Pattern COMMENT_ACTION = Pattern.compile("/simulator/comments/(\\d+)/(edit|delete)");
    private static final Pattern LINK = Pattern.compile("\\[([^\\[\\]|]*)\\|(https?://[^\\]\\s]+)]");
    private static final Pattern MENTION = Pattern.compile("\\[~([\\w.@-]+)]");
    private static final Pattern MONOSPACE = Pattern.compile("\\{\\{(.+?)}}");

    private final String serviceUrl;
    private final SimulatedIssue issue;
    private final JiraAccounts accounts;
    private final JiraWebhooks webhooks;
    private final Deliveries deliveries;
    private final SimulatedOpenHands openHands;

    SimulatorPage(String serviceUrl, SimulatedIssue issue, JiraAccounts accounts, JiraWebhooks webhooks,
            Deliveries deliveries,
            SimulatedOpenHands openHands) {
        this.serviceUrl = serviceUrl;
        this.issue = issue;
        this.accounts = accounts;
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.openHands = openHands;
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
        String method = event.getRequest().getMethod().getName();
        String path = path(event.getRequest().getUrl());
        if (method.equals("GET")) {
            Matcher conversation = CONVERSATION.matcher(path);
            if (path.startsWith("/simulator/openhands")) {
                return html(openHandsPage(conversation.matches() ? openHands.shown(conversation.group(1))
                        : Optional.empty()));
            }
            return path.equals("/simulator/live") ? html(live()) : html(page());
        }
        Map<String, String> form = parameters(event.getRequest().getBodyAsString());
        Matcher comment = COMMENT_ACTION.matcher(path);
        if (path.equals("/simulator/comment") && !form.getOrDefault("body", "").isBlank()) {
            issue.comment(form.get("body").replace("\r\n", "\n"));
        } else if (path.equals("/simulator/label")) {
            issue.label("openhands", "add".equals(form.get("action")));
        } else if (path.equals("/simulator/burst")) {
            issue.burst(BURST);
        } else if (path.equals("/simulator/ending")) {
            openHands.endWith(SimulatedOpenHands.Ending.valueOf(form.getOrDefault("ending", "PULL_REQUEST")));
        } else if (comment.matches() && comment.group(2).equals("edit") && !form.getOrDefault("body", "").isBlank()) {
            issue.edit(comment.group(1), form.get("body").replace("\r\n", "\n"));
        } else if (comment.matches() && comment.group(2).equals("delete")) {
            issue.delete(comment.group(1));
        }
        return redirect("/simulator");
    }

    private String page() {
        StringBuilder labels = new StringBuilder();
        issue.labels().forEach(label -> labels.append("<span class=label>").append(escape(label)).append("</span>"));
        boolean labelled = issue.labels().contains("openhands");
        StringBuilder endings = new StringBuilder();
        for (SimulatedOpenHands.Ending ending : SimulatedOpenHands.Ending.values()) {
            endings.append("<option value=").append(ending.name())
                    .append(ending == openHands.ending() ? " selected" : "").append(">")
                    .append(ending.words).append("</option>");
        }
        return """
                <!doctype html><html><head><meta charset="utf-8">\
                <title>%s: Jira DC and OpenHands simulator</title>%s</head><body>
                <div class="banner">Jira Data Center and OpenHands simulator: made-up answers, \
                for development only</div>
                <main>
                <section class="card" id="issue">
                  <div class="key">Acme Web / <b>%s</b></div>
                  <h1 id="summary">%s</h1>
                  <div>%s
                    <form class="inline" method="post" action="/simulator/label">
                      <button id="label" name="action" value="%s"
                          class="secondary">%s the label <code>openhands</code></button></form></div>
                  <h2 style="margin-top:1em">Description</h2><div class="body" id="description">%s</div>
                  <h2>Comments</h2>
                  <div id="live">%s</div>
                  <form method="post" action="/simulator/comment" id="comment-form">
                    <textarea name="body" id="comment-body" rows="3">@openhands fix the empty password check</textarea>
                    <button id="comment">Comment</button></form>
                </section>
                <aside>
                  <section class="card"><h2>Setup</h2>%s</section>
                  <section class="card"><h2>OpenHands (simulated)</h2>
                    <form method="post" action="/simulator/ending">A new conversation
                      <select name="ending" id="ending">%s</select> <button>Save</button></form>
                    <p class="when">It works about %s seconds; its conversation links open a page of this simulator.</p>
                  </section>
                  <section class="card"><h2>Webhook deliveries</h2>
                    <form method="post" action="/simulator/burst">
                      <button id="burst" class="secondary">Send a burst: %d label
                      changes (<code>triage</code> on and off)</button></form><div id="deliveries">%s</div></section>
                </aside></main>
                <script>
                // keeps the comments and deliveries fresh, except while something there is being edited
                setInterval(async () => {
                  const live = document.getElementById('live');
                  if (live.contains(document.activeElement) || live.querySelector('details[open]')) return;
                  const answer = await fetch('/simulator/live');
                  const parts = new DOMParser().parseFromString(await answer.text(), 'text/html');
                  live.innerHTML = parts.getElementById('comments').outerHTML;
                  document.getElementById('deliveries').innerHTML = parts.getElementById('delivery-list').outerHTML;
                }, 2000);
                </script></body></html>"""
                .formatted(SimulatedIssue.KEY, STYLE, SimulatedIssue.KEY, escape(SimulatedIssue.SUMMARY), labels,
                        labelled ? "remove" : "add",
                        labelled ? "Remove" : "Add", escape(SimulatedIssue.DESCRIPTION.replace("\r\n", "\n")),
                        comments(), setup(), endings,
                        "5", BURST, deliveryList());
    }

    /** A conversation as OpenHands' web app would show it, or a pointer back to the issue. */
    private static String openHandsPage(Optional<SimulatedOpenHands.Shown> shown) {
        StringBuilder body = new StringBuilder();
        if (shown.isEmpty()) {
            body.append("<p>No conversation here yet: OpenHands names it a moment after the start.</p>");
        }
        shown.ifPresent(conversation -> {
            body.append("<h1>Conversation ").append(escape(conversation.id())).append("</h1>")
                    .append("<p>In <code>").append(escape(conversation.repository()))
                    .append("</code>, status <b id=status>")
                    .append(escape(conversation.status())).append("</b></p><ol id=events>");
            conversation.said().forEach(said -> body.append("<li class=body>").append(escape(said)).append("</li>"));
            body.append("</ol>");
        });
        return """
                <!doctype html><html><head><meta charset="utf-8"><title>OpenHands (simulated)</title>%s</head><body>
                <div class="banner">OpenHands simulator: the conversation a bot comment links, \
                with made-up answers</div>
                <section class="card" id="conversation">%s
                <p><a href="/simulator">Back to the simulated Jira issue</a></p></section>
                </body></html>"""
                .formatted(STYLE, body);
    }

    /** The parts the page's script refreshes. */
    private String live() {
        return "<!doctype html><body>" + comments() + deliveryList() + "</body>";
    }

    private String comments() {
        StringBuilder html = new StringBuilder("<div id=comments>");
        for (JsonObject comment : issue.comments()) {
            JsonObject author = comment.getJsonObject("author");
            boolean mine = author != null && "developer".equals(author.getString("name", ""));
            String id = comment.getString("id");
            html.append("<div class=\"comment").append(mine ? "" : " bot").append("\" id=\"comment-").append(id)
                    .append("\">")
                    .append("<span class=author>")
                    .append(escape(author == null ? "?" : author.getString("displayName", "?")))
                    .append("</span> <span class=when>").append(escape(comment.getString("updated", "")))
                    .append("</span>")
                    .append("<div class=body>").append(wiki(comment.getString("body"))).append("</div>");
            if (mine) {
                html.append("<details><summary>Edit</summary><form method=post action=\"/simulator/comments/")
                        .append(id)
                        .append("/edit\"><textarea name=body rows=2>").append(escape(comment.getString("body")))
                        .append("</textarea><button>Save</button></form></details>");
            }
            html.append("<form class=inline method=post action=\"/simulator/comments/").append(id)
                    .append("/delete\"><button class=secondary>Delete</button></form></div>");
        }
        return html.append("</div>").toString();
    }

    private String deliveryList() {
        StringBuilder html = new StringBuilder("<div id=delivery-list>");
        var newest = deliveries.newestFirst();
        if (newest.isEmpty()) {
            html.append("<p class=when>None yet.</p>");
        }
        for (Deliveries.Delivery delivery : newest) {
            html.append("<div class=delivery><b>").append(delivery.at()).append(" ").append(escape(delivery.event()))
                    .append("</b> ")
                    .append(escape(delivery.answer().length() > 160 ? delivery.answer().substring(0, 160) + "..."
                            : delivery.answer()))
                    .append("</div>");
        }
        return html.append("</div>").toString();
    }

    private String setup() {
        boolean installed = !webhooks.all().isEmpty();
        String settings = serviceUrl + "/settings/integrations";
        return "<ol>"
                + step(true,
                        "Sign in to the service: <a href=\"" + serviceUrl + "/sign-in\">" + serviceUrl + "/sign-in</a>"
                                + " (you are <code>developer@example.com</code>, an admin).")
                + step(installed, "Install the webhook automatically on <a href=\"" + settings
                        + "\">the settings page</a> with the"
                        + " admin PAT <code>" + JiraAccounts.ADMIN_PAT + "</code>."
                        + (installed ? " Registered: <code>" + escape(webhooks.all().get(0).url()) + "</code>" : ""))
                + step(accounts.linked(), "Connect your Jira account there: this simulator asks you to allow it.")
                + step(openHands.conversations() > 0, "Save an OpenHands API key there: any text will do, for example"
                        + " <code>sim-openhands-key</code>. Then comment <code>@openhands ...</code> here.")
                + "</ol>";
    }

    private static String step(boolean done, String text) {
        return "<li class=" + (done ? "done" : "todo") + ">" + (done ? "&#10003; " : "") + text + "</li>";
    }

    /** Enough of Jira's wiki markup to read the bot's comments: links, mentions and monospace. */
    static String wiki(String body) {
        String html = escape(body);
        html = LINK.matcher(html)
                .replaceAll(match -> Matcher.quoteReplacement("<a href=\"" + match.group(2) + "\">" + match.group(1)
                        + "</a>"));
        html = MONOSPACE.matcher(html).replaceAll("<code>$1</code>");
        return MENTION.matcher(html).replaceAll("@$1");
    }
}
