package dev.openhands.jiradc.testing.openhands;

import static com.github.tomakehurst.wiremock.client.WireMock.*;

import com.github.tomakehurst.wiremock.WireMockServer;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

/** OpenHands users as {@code GET /api/v1/users/me} describes them ({@code SaasUserInfo}): who an API key belongs to. */
public final class OpenHandsUsers {

    private OpenHandsUsers() {
    }

    /** The OpenHands user id (a UUID) of the user an API key belongs to, the same every time. */
    public static String idOf(String apiKey) {
        return OpenHandsConversations.id("user of " + apiKey);
    }

    /**
     * The key belongs to the OpenHands user with this email; {@code null}: a user without one (signed up by Git
     * provider only).
     */
    public static void keyBelongsTo(WireMockServer openHands, String apiKey, String email) {
        openHands.stubFor(get("/api/v1/users/me").withHeader("Authorization", equalTo("Bearer " + apiKey))
                .willReturn(okJson(me(idOf(apiKey), email))));
    }

    /** OpenHands does not take the key: 401 with FastAPI's detail. */
    public static void keyRefused(WireMockServer openHands, String apiKey) {
        openHands.stubFor(get("/api/v1/users/me").withHeader("Authorization", equalTo("Bearer " + apiKey))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"detail\":\"Not authenticated\"}")));
    }

    /** A {@code SaasUserInfo}. */
    public static String me(String userId, String email) {
        JsonObjectBuilder user = Json.createObjectBuilder().add("id", userId).add("language", "en")
                .add("v1_enabled", true)
                .add("org_id", OpenHandsConversations.id("org of " + userId)).add("org_name", "Acme")
                .add("role", "member")
                .add("permissions", Json.createArrayBuilder());
        if (email == null) {
            user.addNull("email").addNull("email_verified");
        } else {
            user.add("email", email).add("email_verified", true);
        }
        return user.build().toString();
    }
}
