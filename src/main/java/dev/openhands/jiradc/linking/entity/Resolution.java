package dev.openhands.jiradc.linking.entity;

import dev.openhands.jiradc.accounts.entity.Account;
import java.util.Locale;
import java.util.Optional;

/** Which account a Jira user is, for starting OpenHands as them, or why there is none. */
public record Resolution(Status status, Optional<Account> account) {

    public enum Status {
        /**
         * Linked to an account that has an OpenHands API key, or whose key this service gets: OpenHands can start as
         * them.
         */
        LINKED,
        /** An account with the Jira user's email exists, but has not connected Jira Data Center. */
        ACCOUNT_NOT_LINKED,
        /** No account has the Jira user's email: they have not signed in here. */
        NO_ACCOUNT,
        /** Linked, but the account has no OpenHands API key yet (never in service-to-service mode). */
        NO_OPENHANDS_KEY;

        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public static Resolution of(Status status, Account account) {
        return new Resolution(status, Optional.of(account));
    }

    public static Resolution noAccount() {
        return new Resolution(Status.NO_ACCOUNT, Optional.empty());
    }
}
