package dev.openhands.jiradc.accounts.entity;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * What the identity provider's verified ID token says about the person signed in, kept in their session from
 * {@code signedInAt}; {@code openHandsUserId} is the claim named by {@code openhands.user-id-claim}, empty when the
 * token has none. Only an identity with a verified email is ever made.
 */
public record SignedInIdentity(String subject, String email, String name, List<String> groups, String openHandsUserId,
        Instant signedInAt) implements Serializable {

    public static final String SESSION_ATTRIBUTE = SignedInIdentity.class.getName();

    public SignedInIdentity {
        groups = List.copyOf(groups);
    }
}
