package dev.openhands.jiradc.accounts.boundary;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Who may call a resource, said once on it ({@link SignedIn}, {@link AdminOnly}) instead of checked in each method.
 * They run after the matching, so after the cross-site check and the integration's on/off switch (both pre-matching).
 * The method then reads the person from the request-scoped {@link SignedInUser}, which has looked them up once.
 */
public final class AccessFilters {

    private AccessFilters() {
    }

    @Provider
    @SignedIn
    @Priority(Priorities.AUTHENTICATION)
    public static class SignedInOnly implements ContainerRequestFilter {

        @Inject
        SignedInUser user;

        /** @throws jakarta.ws.rs.NotAuthorizedException (401) when nobody is signed in */
        @Override
        public void filter(ContainerRequestContext request) {
            user.account();
        }
    }

    @Provider
    @AdminOnly
    @Priority(Priorities.AUTHORIZATION)
    public static class Admins implements ContainerRequestFilter {

        @Inject
        SignedInUser user;

        /** @throws jakarta.ws.rs.WebApplicationException 401 or 403, as {@link SignedInUser#admin()} says */
        @Override
        public void filter(ContainerRequestContext request) {
            user.admin();
        }
    }
}
