package dev.openhands.jiradc.jira.control;

import dev.openhands.jiradc.jira.entity.JiraCallFailed;
import dev.openhands.jiradc.jira.entity.JiraIssue.JiraComment;
import dev.openhands.jiradc.jira.entity.JiraTokens;
import dev.openhands.jiradc.jira.entity.JiraUser;
import dev.openhands.jiradc.jira.entity.JiraWebhook;
import dev.openhands.jiradc.jira.entity.Visibility;
import dev.openhands.jiradc.settings.entity.Secret;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Jira Data Center's REST API, relative to {@code jira-dc.base-url}. Its answers are the records below and the
 * {@code jira.entity} values of the same shape ({@link JiraUser}, {@link JiraWebhook}), holding only what this
 * service reads (JSON-B ignores the rest); an error answer is a {@link JiraCallFailed}, made by {@link JiraResponses}.
 * A call whose answer says only that it was done returns the {@link Response} (a {@code void} method would have
 * Jersey read the body Jira sends all the same, as JSON for {@code void}).
 */
@Produces(MediaType.APPLICATION_JSON)
public interface JiraApi {

    /** OAuth 2.0 token endpoint: form-encoded only (Jira answers a JSON body with 500). */
    @POST
    @Path("rest/oauth2/latest/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    Tokens token(Form form);

    @GET
    @Path("rest/api/2/myself")
    JiraUser myself(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer);

    @GET
    @Path("rest/api/2/issue/{key}")
    Issue issue(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("key") String key,
            @QueryParam("fields") String fields);

    @GET
    @Path("rest/api/2/issue/{key}/comment")
    CommentPage comments(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("key") String key,
            @QueryParam("orderBy") String orderBy, @QueryParam("maxResults") int maxResults,
            @QueryParam("expand") String expand);

    @POST
    @Path("rest/api/2/issue/{key}/comment")
    @Consumes(MediaType.APPLICATION_JSON)
    Response addComment(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("key") String key,
            NewComment comment);

    /** Internal API (Jira 8.x+), best effort: older servers answer 404. */
    @POST
    @Path("rest/internal/2/reactions")
    @Consumes(MediaType.APPLICATION_JSON)
    Response addReaction(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, Reaction reaction);

    /** A fuzzy search: by login name, display name or email. */
    @GET
    @Path("rest/api/2/user/search")
    List<JiraUser> searchUsers(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer,
            @QueryParam("username") String query);

    /** Jira 10+: global webhooks, with a signing secret in {@code configuration.SECRET}. Needs an admin's PAT. */
    @GET
    @Path("rest/jira-webhook/1.0/webhooks")
    List<JiraWebhook> webhooks(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer);

    @POST
    @Path("rest/jira-webhook/1.0/webhooks")
    @Consumes(MediaType.APPLICATION_JSON)
    JiraWebhook createWebhook(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, JsonObject webhook);

    @PUT
    @Path("rest/jira-webhook/1.0/webhooks/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    JiraWebhook updateWebhook(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("id") String id,
            JsonObject webhook);

    @DELETE
    @Path("rest/jira-webhook/1.0/webhooks/{id}")
    Response deleteWebhook(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("id") String id);

    /** Jira 9.x's webhook API, which cannot sign deliveries: only asked to tell a 9.x server apart. */
    @GET
    @Path("rest/webhooks/1.0/webhook")
    JsonArray legacyWebhooks(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer);

    /**
     * Anonymous in Jira; read for one header only: the development simulator marks its answers with
     * {@link #SIMULATOR_HEADER}.
     */
    @GET
    @Path("rest/api/2/serverInfo")
    Response serverInfo();

    /** The header every answer of the development simulator ({@code ./mvnw -Prun}) carries. */
    String SIMULATOR_HEADER = "X-OpenHands-Simulator";

    @GET
    @Path("rest/api/2/user")
    JiraUser user(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @QueryParam("username") String username);

    /** The token endpoint's answer; Jira's access tokens live an hour unless it says otherwise. */
    record Tokens(@JsonbProperty("access_token") String accessToken,
            @JsonbProperty("refresh_token") String refreshToken,
            @JsonbProperty("expires_in") Long expiresIn) {

        public JiraTokens tokens(Instant now) {
            if (accessToken == null || accessToken.isEmpty() || refreshToken == null || refreshToken.isEmpty()) {
                throw new JiraCallFailed(JiraCallFailed.Kind.FAILED, 200, "",
                        "Jira's token answer holds no access or refresh token.");
            }
            return new JiraTokens(Secret.of(accessToken), Secret.of(refreshToken),
                    now.plusSeconds(expiresIn == null ? 3600 : expiresIn));
        }
    }

    /** An issue with the fields asked for. */
    record Issue(String id, String key, Fields fields) {

        public String summary() {
            return fields == null || fields.summary() == null ? "" : fields.summary();
        }

        public String description() {
            return fields == null || fields.description() == null ? "" : fields.description();
        }
    }

    record Fields(String summary, String description) {
    }

    /** A page of an issue's comments. */
    record CommentPage(List<Comment> comments) {

        public CommentPage {
            if (comments == null) {
                throw new IllegalArgumentException("a page of comments without its comments");
            }
        }
    }

    /** A comment, with its {@code properties} when asked to expand them. */
    record Comment(String id, JiraUser author, String body, String created, Visibility visibility,
            List<Property> properties) {

        public JiraComment comment() {
            return new JiraComment(id == null ? "" : id, author == null ? new JiraUser(null, null, null, null) : author,
                    body == null ? "" : body, created == null ? "" : created,
                    Optional.ofNullable(visibility).filter(shown -> shown.type() != null && shown.value() != null));
        }

        /** Whether it carries this property with a JSON object for its value, as this service's marker does. */
        public Optional<JsonObject> property(String key) {
            return properties == null ? Optional.empty() : properties.stream().filter(Objects::nonNull)
                    .filter(property -> key.equals(property.key()) && property.value() instanceof JsonObject)
                    .map(property -> property.value().asJsonObject()).findFirst();
        }
    }

    /** An entity property: any JSON, this service's or another app's. */
    record Property(String key, JsonValue value) {
    }

    /** A comment to post in wiki markup, marked as this service's own, restricted when {@code visibility} says. */
    record NewComment(String body, List<Marker> properties, Visibility visibility) {
    }

    /**
     * The property that marks a comment as this service's: {@code {"bot": true}}, with the job and what it is about.
     */
    record Marker(String key, MarkerValue value) {
    }

    record MarkerValue(boolean bot, String job, String about) {
    }

    record Reaction(String commentId, String emojiId) {
    }
}
