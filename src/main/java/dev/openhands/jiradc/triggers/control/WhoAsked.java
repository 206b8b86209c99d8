package dev.openhands.jiradc.triggers.control;

import dev.openhands.jiradc.jira.entity.JiraUser;
import dev.openhands.jiradc.linking.entity.Resolution;
import java.util.Optional;

/** Whether the person who asked can start a job as themselves here, and if not, what they do next. */
public final class WhoAsked {

    private WhoAsked() {
    }

    /** @return the dead end of someone not set up yet; empty for someone linked, whose job may start */
    public static Optional<DeadEnd> deadEnd(Resolution.Status status, JiraUser actor, TriggerComments say) {
        return switch (status) {
            case NO_ACCOUNT -> Optional.of(new DeadEnd(say.noAccount(actor), actor.name() + " has not signed in here",
                    DeadEnd.Reason.NO_ACCOUNT));
            case ACCOUNT_NOT_LINKED -> Optional.of(new DeadEnd(say.accountNotLinked(actor), actor.name()
                    + " has not connected Jira", DeadEnd.Reason.ACCOUNT_NOT_LINKED));
            case NO_OPENHANDS_KEY -> Optional.of(new DeadEnd(say.noOpenHandsKey(actor), actor.name()
                    + " has no OpenHands API key", DeadEnd.Reason.NO_OPENHANDS_KEY));
            case LINKED -> Optional.empty();
        };
    }
}
