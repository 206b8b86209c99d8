package dev.openhands.jiradc.openhands.entity;

import dev.openhands.jiradc.settings.entity.GitProvider;
import java.util.List;

/** What OpenHands says of a repository a person named: where it is, or why it cannot be used. */
public sealed interface RepositoryLookup {

    /** The person reaches it through this provider; {@code fullName} is spelt as the Git host spells it. */
    record Found(String fullName, GitProvider provider) implements RepositoryLookup {
    }

    /** None of these providers showed the person a repository of that name. */
    record NotFound(List<GitProvider> searched) implements RepositoryLookup {

        public NotFound {
            searched = List.copyOf(searched);
        }
    }

    /**
     * OpenHands accepted the person's key but has no usable Git token for these providers (not connected, or expired).
     */
    record GitNotConnected(List<GitProvider> providers) implements RepositoryLookup {

        public GitNotConnected {
            providers = List.copyOf(providers);
        }
    }
}
