package dev.openhands.jiradc.accounts.boundary;

import dev.openhands.jiradc.accounts.control.SignInSessions;
import dev.openhands.jiradc.accounts.entity.Account;
import dev.openhands.jiradc.accounts.entity.SignInSession;
import dev.openhands.jiradc.accounts.entity.SignedInIdentity;
import dev.openhands.jiradc.settings.entity.IntegrationSettings;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Optional;

/** Who is calling: the session their browser's cookie names, which every instance finds alike. */
@RequestScoped
public class SignedInUser {

    @Inject
    HttpServletRequest request;

    @Inject
    Accounts accounts;

    @Inject
    SignInSessions sessions;

    @Inject
    IntegrationSettings settings;

    /** Looked up once per request; {@code null} until then. */
    private Optional<SignInSession> session;

    private Account account;

    /** @throws NotAuthorizedException (401) when nobody is signed in */
    public Account account() {
        if (account == null) {
            account = session().flatMap(signedIn -> accounts.byId(signedIn.accountId()))
                    .orElseThrow(() -> new NotAuthorizedException("Sign in first: open /sign-in.",
                            Response.status(401).header("WWW-Authenticate", "OpenIdConnect").build()));
        }
        return account;
    }

    /** The caller's account, or empty when nobody is signed in. */
    public Optional<Account> current() {
        return session().isEmpty() ? Optional.empty() : Optional.of(account());
    }

    /**
     * Records a sign-in the identity provider vouched for: the account, created the first time and refreshed every time
     * after, and a new session in place of any this browser had.
     *
     * @return the new session's token, for the browser's cookie
     */
    public String signIn(SignedInIdentity identity) {
        Account signedIn = accounts.signIn(identity.subject(), identity.email(),
                identity.name().isBlank() ? identity.email() : identity.name(),
                Optional.ofNullable(identity.openHandsUserId()).filter(id -> !id.isBlank()));
        signOut();
        return sessions.open(signedIn.id(), signedIn.email(),
                identity.groups().contains(settings.signIn().adminGroup()));
    }

    /** Ends this browser's session, on every instance at once. */
    public void signOut() {
        SignInCookies.sessionToken(request).ifPresent(sessions::end);
        session = Optional.empty();
        account = null;
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
        if (session().orElseThrow().signedInLongerAgoThan(settings.signIn().adminReauthenticateAfter(),
                Instant.now())) {
            throw new NotAuthorizedException("Admin actions need a recent sign-in: open /sign-in and sign in again.",
                    Response.status(401).build());
        }
        return caller;
    }

    public boolean signedIn() {
        return session().isPresent();
    }

    public boolean isAdmin() {
        return session().map(SignInSession::admin).orElse(false);
    }

    /** The session of the browser's cookie, until sign-out or its absolute lifetime ends it whatever its activity. */
    private Optional<SignInSession> session() {
        if (session == null) {
            session = SignInCookies.sessionToken(request).flatMap(sessions::find);
        }
        return session;
    }
}
