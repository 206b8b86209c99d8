package dev.openhands.jiradc.triggers.control;

import dev.openhands.jiradc.jira.boundary.WikiMarkup;
import dev.openhands.jiradc.jira.entity.JiraUser;
import dev.openhands.jiradc.jobs.entity.Admission;
import dev.openhands.jiradc.openhands.entity.ApiKeyNotIssued;
import dev.openhands.jiradc.settings.entity.GitProvider;
import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the bot says on the issue, in Jira wiki markup: the person is mentioned ({@code [~name]}), and
 * every message says what happened and the next step.
 */
public final class TriggerComments {

    private final URI serviceUrl;
    private final URI openHandsUrl;
    private final String mention;

    /**
     * @param serviceUrl this service, whose settings page the bot points to ({@code openhands.app-url})
     * @param openHandsUrl OpenHands' web app ({@code openhands.web-url})
     * @param mention what asks for OpenHands in a comment, {@code @openhands} unless configured otherwise
     */
    public TriggerComments(URI serviceUrl, URI openHandsUrl, String mention) {
        this.serviceUrl = serviceUrl;
        this.openHandsUrl = openHandsUrl;
        this.mention = mention;
    }

    private String settings() {
        return "[Settings > Integrations|" + serviceUrl + "/settings/integrations]";
    }

    private static String mention(JiraUser user) {
        return "[~" + user.name() + "]";
    }

    /** Nobody signed in here with the Jira user's email: whether they have an OpenHands account is not known here. */
    public String noAccount(JiraUser user) {
        return mention(user)
                + " I can't start OpenHands for you yet: no one has signed in to OpenHands for Jira with your"
                + " Jira email address. Sign in at " + settings()
                + " with your OpenHands account and connect Jira Data Center,"
                + " then try again.";
    }

    /** In service-to-service mode, OpenHands gives no API key for the person; the next step depends on why. */
    public String apiKeyNotIssued(JiraUser user, ApiKeyNotIssued.Reason reason) {
        String cannot = mention(user) + " I can't start OpenHands for you: ";
        return cannot + switch (reason) {
            case UNKNOWN_USER -> "OpenHands has no account for you. Sign up at [OpenHands|" + openHandsUrl
                    + "] with the login you use here, then try again.";
            case NOT_IN_ORGANISATION -> "your OpenHands account is not a member of the OpenHands organisation this Jira"
                    + " integration works in. Ask an OpenHands administrator to add you to it, then try again.";
            case USER_ID_UNKNOWN -> "I don't know your OpenHands user id yet. Sign in again at " + settings()
                    + ", then try again; if this comes back, ask an administrator to check the setting"
                    + " openhands.user-id-claim.";
            case REFUSED -> "OpenHands does not accept the API key it issued for you. Ask an OpenHands administrator to"
                    + " check that your account is active, then try again.";
        };
    }

    public String accountNotLinked(JiraUser user) {
        return mention(user) + " You have an OpenHands account, but you have not connected Jira Data Center to it yet."
                + " Connect it at " + settings() + ", then try again.";
    }

    public String noOpenHandsKey(JiraUser user) {
        return mention(user)
                + " Your accounts are connected, but your OpenHands setup is not finished: add your OpenHands"
                + " API key at " + settings() + ", then try again.";
    }

    public String openHandsKeyRefused(JiraUser user) {
        return mention(user) + " OpenHands did not accept your API key. Update it at " + settings()
                + ", then try again.";
    }

    public String noRepository(JiraUser user) {
        return mention(user)
                + " I can't tell which repository to work on. Add a line like this to the description or to a"
                + " comment, then try again:\n{noformat}\nRepository: org/repo\n{noformat}";
    }

    public String severalRepositories(JiraUser user, List<String> repositories) {
        return mention(user) + " This issue names more than one repository: " + String.join(", ", repositories)
                + ". Which one should I work on? Add a comment with just that one as {{Repository: org/repo}}, then try"
                + " again.";
    }

    public String noAccess(JiraUser user, String repository, List<GitProvider> searched) {
        return mention(user) + " I can't find the repository " + repository
                + " among those your OpenHands account reaches on "
                + names(searched)
                + ". Check that the name is right and that the Git account connected to OpenHands can access "
                + repository
                + ". If it is on another Git host, write its whole address on the Repository: line (for example"
                + " {{Repository: https://git.example.com/org/repo}}), then try again.";
    }

    public String gitNotConnected(JiraUser user, String repository, List<GitProvider> providers) {
        return mention(user) + " I can't look for " + repository + ": OpenHands has no working connection to your "
                + names(providers) + " account. Connect it (or connect it again) in [OpenHands|" + openHandsUrl
                + "] under Settings > Integrations, then try again.";
    }

    private static String names(List<GitProvider> providers) {
        return providers.stream().map(GitProvider::displayName).collect(Collectors.joining(" or "));
    }

    /**
     * Someone else's comment names the repository: the requester confirms it, so nobody else chooses where their job
     * runs.
     */
    public String namedByOthers(JiraUser user, String repository, String namedBy) {
        return mention(user) + " " + WikiMarkup.escape(namedBy) + " named the repository " + repository
                + " in a comment. I"
                + " start a job only in a repository named in the issue's description, in your request or in your own"
                + " comments, so that nobody else decides where a job runs with your Git access. To work in "
                + repository
                + ", ask again naming it:\n{noformat}\n" + mention + "\nRepository: " + repository + "\n{noformat}";
    }

    /**
     * The project's mapping allows only some repositories, and this one is not among them: the comment names those it
     * allows, how to ask again in one of them, and who can add another.
     */
    public String notAllowed(JiraUser user, RepositoryReferences.Choice.NotAllowed refused) {
        String namedIn = refused.namedBy().map(name -> "a comment by " + WikiMarkup.escape(name))
                .orElse(refused.source().words());
        return mention(user) + " Jobs on the " + refused.projectKey() + " project run only in "
                + String.join(", ", refused.allowed()) + ". The repository " + refused.repository() + " (named in "
                + namedIn + ") is not one of them, so I did not start a job. To work in one of them, ask again"
                + " naming it:\n{noformat}\n" + mention + "\nRepository: " + refused.allowed().get(0)
                + "\n{noformat}\nTo work in " + refused.repository() + ", ask an administrator of OpenHands for Jira to"
                + " add it to the " + refused.projectKey() + " project's repositories.";
    }

    /**
     * @param service the service that kept failing ({@code OpenHands} or {@code Jira}); what it answered stays in the
     *     log
     *     and the delivery log, out of a comment that everyone on the issue reads
     */
    public String couldNotStart(JiraUser user, String service) {
        return mention(user) + " I couldn't start the job: " + service
                + " did not answer as it should, several times. Try"
                + " again later by commenting " + mention
                + "; if it goes on, tell your Jira administrator (the delivery log"
                + " of OpenHands for Jira has the details).";
    }

    /** A limit on running jobs is full: the trigger waits in order, and starts by itself when a slot frees. */
    public String queued(JiraUser user, Admission.Reached reached, String project) {
        return mention(user) + " " + full(reached, project) + "; I'll start this one "
                + (reached.waiting() == 0 ? "when one of them ends."
                        : "in turn, after the " + reached.waiting() + " waiting before it, as running jobs end.");
    }

    /** A limit is full and the setting says to refuse: the trigger is not kept. */
    public String refused(JiraUser user, Admission.Reached reached, String project) {
        if (reached.limit() == Admission.Limit.PER_ISSUE_PER_DAY) {
            return mention(user) + " " + jobs(reached.running()) + " " + (reached.running() == 1 ? "was" : "were")
                    + " asked for on this issue in the last 24 hours,"
                    + " the most allowed per issue per day is " + reached.max()
                    + ". I did not start this one: ask again"
                    + " tomorrow by commenting " + mention + ", or ask your Jira administrator to raise the limit.";
        }
        return mention(user) + " " + full(reached, project) + ". I did not start this one: ask again by commenting "
                + mention + " when one of them has ended, or ask your Jira administrator to raise the limit.";
    }

    private static String full(Admission.Reached reached, String project) {
        String running = switch (reached.limit()) {
            case PER_PERSON -> reached.running() + " of your jobs " + isAre(reached.running()) + " running";
            case PER_PROJECT -> jobs(reached.running()) + " " + isAre(reached.running()) + " running in project "
                    + project;
            default -> jobs(reached.running()) + " " + isAre(reached.running()) + " running in this Jira";
        };
        String most = switch (reached.limit()) {
            case PER_PERSON -> "per person";
            case PER_PROJECT -> "per project";
            default -> "at once in this Jira";
        };
        String waiting = reached.waiting() == 0 ? ""
                : " and " + reached.waiting() + " " + isAre(reached.waiting()) + " waiting";
        return running + waiting + ", the most allowed " + most + " is " + reached.max();
    }

    private static String jobs(int count) {
        return count + (count == 1 ? " job" : " jobs");
    }

    private static String isAre(int count) {
        return count == 1 ? "is" : "are";
    }
}
