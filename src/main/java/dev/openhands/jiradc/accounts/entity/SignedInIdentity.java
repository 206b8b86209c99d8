package dev.openhands.jiradc.accounts.entity;

import java.util.List;

/**
 * What the identity provider's verified ID token says about the person signing in; {@code openHandsUserId} is the
 * claim named by {@code openhands.user-id-claim}, empty when the token has none. Only an identity with a verified email
 * is ever made.
 */
public record SignedInIdentity(String subject, String email, String name, List<String> groups, String openHandsUserId) {

    public SignedInIdentity {
        groups = List.copyOf(groups);
    }
}
