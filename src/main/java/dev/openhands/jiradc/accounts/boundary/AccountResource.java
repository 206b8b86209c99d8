package dev.openhands.jiradc.accounts.boundary;

import dev.openhands.jiradc.accounts.control.NotYourApiKey;
import dev.openhands.jiradc.accounts.entity.Account;
import dev.openhands.jiradc.openhands.boundary.OpenHands;
import dev.openhands.jiradc.openhands.entity.OpenHandsUser;
import dev.openhands.jiradc.settings.entity.IntegrationSettings;
import dev.openhands.jiradc.settings.entity.SettingsKeys;
import jakarta.inject.Inject;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The signed-in person's account: who they are, and their OpenHands API key (never shown once saved), or, in
 * service-to-service mode, that this service manages it and there is nothing to paste.
 */
@Path("api/integrations/jira-dc/account")
@Produces(MediaType.APPLICATION_JSON)
@SignedIn
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
    public AccountJson.Summary get() {
        Account account = user.account();
        String key = settings.managesApiKeys() ? "managed" : account.hasOpenHandsApiKey() ? "set" : "not set";
        return new AccountJson.Summary(account.email(), account.displayName(), user.isAdmin(), key);
    }

    /** Checks the key with OpenHands before keeping it (refused: 400, OpenHands unavailable: 503, by their mappers). */
    @PUT
    @Path("openhands-api-key")
    @Consumes(MediaType.APPLICATION_JSON)
    public AccountJson.KeyState saveApiKey(AccountJson.PastedKey body) {
        Account account = user.account();
        refuseWhenManaged();
        String apiKey = AccountJson.PastedKey.required(body);
        OpenHandsUser owner = openHands.userOf(apiKey);
        if (!account.isOpenHandsUser(owner.id(), owner.email())) {
            throw new NotYourApiKey(account.email(), owner.email());
        }
        accounts.storeOpenHandsApiKey(account.id(), apiKey);
        return new AccountJson.KeyState("set");
    }

    @DELETE
    @Path("openhands-api-key")
    public AccountJson.KeyState removeApiKey() {
        refuseWhenManaged();
        accounts.removeOpenHandsApiKey(user.account().id());
        return new AccountJson.KeyState("not set");
    }

    private void refuseWhenManaged() {
        if (settings.managesApiKeys()) {
            throw new ClientErrorException(
                    "This installation gets each person's OpenHands API key from OpenHands itself ("
                            + SettingsKeys.SERVICE_API_KEY + " is set): there is no key to paste or remove.",
                    409);
        }
    }
}
