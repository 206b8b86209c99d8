package dev.openhands.jiradc.accounts.boundary;

import dev.openhands.jiradc.accounts.entity.Account;
import dev.openhands.jiradc.settings.entity.IntegrationSettings;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/** Who is calling, as the identity provider said at sign-in. */
@RequestScoped
public class SignedInUser {

    @Inject
    SecurityContext security;

    @Inject
    OpenIdContext openId;

    @Inject
    Accounts accounts;

    @Inject
    IntegrationSettings settings;

    private Account account;

    /** @throws NotAuthorizedException (401) when nobody is signed in */
    public Account account() {
        if (account == null) {
            if (security.getCallerPrincipal() == null) {
                throw new NotAuthorizedException("Sign in first: open /sign-in.", Response.status(401)
                        .header("WWW-Authenticate", "OpenIdConnect").build());
            }
            String subject = openId.getSubject();
            account = accounts.bySubject(subject).orElseGet(this::signIn);
        }
        return account;
    }

    /** Records the sign-in, creating the account the first time. */
    public Account signIn() {
        String email = claim("email").orElseThrow(() -> new ForbiddenException(
                "The identity provider did not say which email address you have; ask an administrator to release the"
                        + " 'email' claim to this service."));
        if (openId.getClaimsJson().containsKey("email_verified")
                && openId.getClaimsJson().get("email_verified") == JsonValue.FALSE) {
            throw new ForbiddenException("Your email address " + email + " is not verified at the identity provider;"
                    + " verify it there and sign in again.");
        }
        account = accounts.signIn(openId.getSubject(), email, claim("name").orElse(email));
        return account;
    }

    /** @throws ForbiddenException (403) when the caller is not in the admin group */
    public Account admin() {
        Account caller = account();
        if (!isAdmin()) {
            throw new ForbiddenException("Only members of the group '" + settings.signIn().adminGroup()
                    + "' may do this; ask one of them, or an identity provider administrator.");
        }
        return caller;
    }

    public boolean isAdmin() {
        JsonValue groups = openId.getClaimsJson().get(settings.signIn().groupsClaim());
        if (groups instanceof JsonArray array) {
            return array.stream().anyMatch(group -> group instanceof JsonString name
                    && name.getString().equals(settings.signIn().adminGroup()));
        }
        return groups instanceof JsonString name && name.getString().equals(settings.signIn().adminGroup());
    }

    private Optional<String> claim(String name) {
        JsonValue value = openId.getClaimsJson().get(name);
        return value instanceof JsonString text && !text.getString().isBlank() ? Optional.of(text.getString()) : Optional.empty();
    }
}
