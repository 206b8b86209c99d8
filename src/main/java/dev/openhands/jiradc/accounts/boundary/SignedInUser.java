package dev.openhands.jiradc.accounts.boundary;

import dev.openhands.jiradc.accounts.entity.Account;
import dev.openhands.jiradc.accounts.entity.SignedInIdentity;
import dev.openhands.jiradc.settings.entity.IntegrationSettings;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/** Who is calling, as the identity provider said at sign-in. */
@RequestScoped
public class SignedInUser {

    @Inject
    HttpServletRequest request;

    @Inject
    Accounts accounts;

    @Inject
    IntegrationSettings settings;

    private Account account;

    /** @throws NotAuthorizedException (401) when nobody is signed in */
    public Account account() {
        if (account == null) {
            SignedInIdentity identity = identity().orElseThrow(() -> new NotAuthorizedException(
                    "Sign in first: open /sign-in.", Response.status(401).header("WWW-Authenticate", "OpenIdConnect").build()));
            account = accounts.bySubject(identity.subject()).orElseGet(this::signIn);
        }
        return account;
    }

    /** The caller's account, or empty when nobody is signed in. */
    public Optional<Account> current() {
        return identity().isEmpty() ? Optional.empty() : Optional.of(account());
    }

    /** Records the sign-in, creating the account the first time. */
    public Account signIn() {
        SignedInIdentity identity = identity().orElseThrow(() -> new NotAuthorizedException("Sign in first: open /sign-in.",
                Response.status(401).build()));
        if (identity.email().isBlank()) {
            throw new ForbiddenException("The identity provider did not say which email address you have; ask its"
                    + " administrator to release the 'email' claim to this service.");
        }
        if (!identity.emailVerified()) {
            throw new ForbiddenException("Your email address " + identity.email() + " is not verified at the identity"
                    + " provider; verify it there and sign in again.");
        }
        account = accounts.signIn(identity.subject(), identity.email(), identity.name().isBlank() ? identity.email() : identity.name(),
                Optional.ofNullable(identity.openHandsUserId()).filter(id -> !id.isBlank()));
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

    public boolean signedIn() {
        return identity().isPresent();
    }

    public boolean isAdmin() {
        return identity().map(identity -> identity.groups().contains(settings.signIn().adminGroup())).orElse(false);
    }

    private Optional<SignedInIdentity> identity() {
        HttpSession session = request.getSession(false);
        return Optional.ofNullable(session == null ? null : (SignedInIdentity) session.getAttribute(SignedInIdentity.SESSION_ATTRIBUTE));
    }
}
