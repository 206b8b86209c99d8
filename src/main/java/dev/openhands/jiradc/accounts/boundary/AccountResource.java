package dev.openhands.jiradc.accounts.boundary;

import static dev.openhands.jiradc.platform.Jsons.JSON;

import dev.openhands.jiradc.accounts.entity.Account;
import dev.openhands.jiradc.openhands.boundary.OpenHands;
import dev.openhands.jiradc.openhands.entity.ApiKeyRefused;
import dev.openhands.jiradc.openhands.entity.OpenHandsUnavailable;
import dev.openhands.jiradc.openhands.entity.OpenHandsUser;
import dev.openhands.jiradc.settings.entity.IntegrationSettings;
import dev.openhands.jiradc.settings.entity.SettingsKeys;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.core.MediaType;

/**
 * The signed-in person's account: who they are, and their OpenHands API key (never shown once saved), or, in
 * service-to-service mode, that this service manages it and there is nothing to paste.
 */
@Path("api/integrations/jira-dc/account")
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {

    @Inject
    SignedInUser user;

    @Inject
    Accounts accounts;

    @Inject
    OpenHands openHands;

    @Inject
    IntegrationSettings settings;

    @GET
    public JsonObject get() {
        Account account = user.account();
        return JSON.createObjectBuilder()
                .add("email", account.email())
                .add("displayName", account.displayName())
                .add("admin", user.isAdmin())
                .add("openHandsApiKey", settings.managesApiKeys() ? "managed" : account.hasOpenHandsApiKey() ? "set" : "not set")
                .build();
    }

    /** Checks the key with OpenHands before keeping it. */
    @PUT
    @Path("openhands-api-key")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject saveApiKey(JsonObject body) {
        Account account = user.account();
        refuseWhenManaged();
        String apiKey = body == null ? "" : body.getString("apiKey", "").trim();
        if (apiKey.isEmpty()) {
            throw new BadRequestException("Paste your OpenHands API key in the field 'apiKey'.");
        }
        OpenHandsUser owner;
        try {
            owner = openHands.userOf(apiKey);
        } catch (ApiKeyRefused e) {
            throw new BadRequestException(e.getMessage());
        } catch (OpenHandsUnavailable e) {
            throw new ServiceUnavailableException(e.getMessage());
        }
        if (!account.isOpenHandsUser(owner.id(), owner.email())) {
            throw new BadRequestException(owner.email().isPresent()
                    ? "This API key belongs to another OpenHands user, not to " + account.email()
                            + ". Create a key while signed in to OpenHands as yourself."
                    : "OpenHands does not say that this API key is yours: its user has no email address, and is not the"
                            + " OpenHands user you signed in here as. Create a key while signed in to OpenHands as yourself.");
        }
        accounts.storeOpenHandsApiKey(account.id(), apiKey);
        return JSON.createObjectBuilder().add("openHandsApiKey", "set").build();
    }

    @DELETE
    @Path("openhands-api-key")
    public JsonObject removeApiKey() {
        Account account = user.account();
        refuseWhenManaged();
        accounts.removeOpenHandsApiKey(account.id());
        return JSON.createObjectBuilder().add("openHandsApiKey", "not set").build();
    }

    private void refuseWhenManaged() {
        if (settings.managesApiKeys()) {
            throw new ClientErrorException("This installation gets each person's OpenHands API key from OpenHands itself ("
                    + SettingsKeys.SERVICE_API_KEY + " is set): there is no key to paste or remove.", 409);
        }
    }
}
