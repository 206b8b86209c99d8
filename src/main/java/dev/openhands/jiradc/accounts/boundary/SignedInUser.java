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
import java.time.Instant;
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
        account = accounts.signIn(identity.subject(), identity.email(), identity.name().isBlank() ? identity.email() : identity.name(),
                Optional.ofNullable(identity.openHandsUserId()).filter(id -> !id.isBlank()));
        return account;
    }

    /**
     * @throws ForbiddenException (403) when the caller is not in the admin group
     * @throws NotAuthorizedException (401) when they signed in longer ago than admin calls allow: membership is read
     *     from the identity provider at sign-in, so a removed admin keeps it no longer than that
     */
    public Account admin() {
        Account caller = account();
        if (!isAdmin()) {
            throw new ForbiddenException("Only members of the group '" + settings.signIn().adminGroup()
                    + "' may do this; ask one of them, or an identity provider administrator.");
        }
        if (identity().orElseThrow().signedInAt().plus(settings.signIn().adminReauthenticateAfter()).isBefore(Instant.now())) {
            throw new NotAuthorizedException("Admin actions need a recent sign-in: open /sign-in and sign in again.",
                    Response.status(401).build());
        }
        return caller;
    }

    public boolean signedIn() {
        return identity().isPresent();
    }

    public boolean isAdmin() {
        return identity().map(identity -> identity.groups().contains(settings.signIn().adminGroup())).orElse(false);
    }

    /** The session's identity, until its absolute lifetime ends the session whatever its activity. */
    private Optional<SignedInIdentity> identity() {
        HttpSession session = request.getSession(false);
        Optional<SignedInIdentity> identity = Optional.ofNullable(session == null ? null
                : (SignedInIdentity) session.getAttribute(SignedInIdentity.SESSION_ATTRIBUTE));
        if (identity.filter(signedIn -> signedIn.signedInAt().plus(settings.signIn().sessionLifetime()).isBefore(Instant.now()))
                .isPresent()) {
            session.invalidate();
            return Optional.empty();
        }
        return identity;
    }
}
