package dev.openhands.jiradc.triggers.control;

import dev.openhands.jiradc.jira.entity.JiraIssue;
import dev.openhands.jiradc.jira.entity.JiraIssue.JiraComment;
import dev.openhands.jiradc.jira.entity.JiraUser;
import dev.openhands.jiradc.jobs.boundary.JobComments;
import dev.openhands.jiradc.openhands.boundary.OpenHands;
import dev.openhands.jiradc.openhands.entity.RepositoryLookup;
import dev.openhands.jiradc.projects.boundary.Projects;
import dev.openhands.jiradc.projects.entity.ProjectRepositories;
import dev.openhands.jiradc.settings.entity.GitProvider;
import dev.openhands.jiradc.settings.entity.IntegrationSettings;
import dev.openhands.jiradc.triggers.control.RepositoryReferences.Choice;
import dev.openhands.jiradc.triggers.control.RepositoryReferences.Source;
import dev.openhands.jiradc.webhooks.boundary.ServiceAccountIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * The repository a job runs in: the one the issue names (see {@link RepositoryReferences}) as the Jira project's
 * mapping allows it, or the project's default (see {@link ProjectRules}), found among those the person reaches with
 * their OpenHands key, searching only for it.
 */
@ApplicationScoped
public class WhichRepository {

    /** What the issue and OpenHands say: a repository to work in, or none and why. */
    public sealed interface Answer {
    }

    /**
     * A repository named where the person may name it (or the project's default), and found in OpenHands.
     *
     * @param namedIn where it was named, as the "I'm on it" comment says it
     */
    public record Named(RepositoryLookup.Found found, String namedIn) implements Answer {
    }

    /** No repository to work in: the dead end says why. */
    public record Nowhere(DeadEnd deadEnd) implements Answer {
    }

    @Inject
    OpenHands openHands;

    @Inject
    IntegrationSettings settings;

    @Inject
    ServiceAccountIdentity serviceAccount;

    @Inject
    Projects projects;

    /**
     * @param request the trigger comment's text, empty when a label asked
     * @return the repository, or the dead end that says why there is none
     */
    public Answer find(String apiKey, JiraIssue issue, String triggerCommentId, String request, JiraUser actor,
            TriggerComments say) {
        List<JiraComment> earlierByPeople = issue.comments().stream()
                .filter(comment -> !serviceAccount.current().is(comment.author())
                        && !comment.id().equals(triggerCommentId))
                .toList();
        Optional<ProjectRepositories> project = projects.ofIssue(issue.key());
        Choice choice = ProjectRules.apply(
                RepositoryReferences.choose(issue.description(), request, earlierByPeople, actor.key()), project);
        Optional<DeadEnd> unnamed = deadEnd(choice, actor, say);
        if (unnamed.isPresent()) {
            return new Nowhere(unnamed.get());
        }
        Choice.Found named = (Choice.Found) choice;
        // the person's own key decides access; when the admin named the repository's provider, only it is searched
        RepositoryLookup lookup = openHands.findRepository(apiKey, named.repository(),
                project.flatMap(mapped -> mapped.providerOf(named.repository())).or(() -> named.address()
                        .flatMap(address -> GitProvider.ofUrl(address, settings.gitHosts()))));
        Optional<DeadEnd> unreachable = deadEnd(lookup, named.repository(), actor, say);
        if (unreachable.isPresent()) {
            return new Nowhere(unreachable.get());
        }
        return new Named((RepositoryLookup.Found) lookup, named.source() == Source.PROJECT_DEFAULT
                ? JobComments.projectDefault(project.orElseThrow().projectKey())
                : named.source().words());
    }

    /** @return why no job can run where the issue points; empty when it names one repository the person may choose */
    static Optional<DeadEnd> deadEnd(Choice choice, JiraUser actor, TriggerComments say) {
        if (choice instanceof Choice.Missing) {
            return Optional
                    .of(new DeadEnd(say.noRepository(actor), "no repository named", DeadEnd.Reason.NO_REPOSITORY));
        }
        if (choice instanceof Choice.Ambiguous several) {
            return Optional.of(new DeadEnd(say.severalRepositories(actor, several.repositories()),
                    "several repositories named: " + String.join(", ", several.repositories()),
                    DeadEnd.Reason.SEVERAL_REPOSITORIES));
        }
        if (choice instanceof Choice.NotAllowed refused) {
            return Optional.of(new DeadEnd(say.notAllowed(actor, refused), refused.repository()
                    + " is not one of the " + refused.projectKey() + " project's repositories",
                    DeadEnd.Reason.REPOSITORY_NOT_ALLOWED));
        }
        if (choice instanceof Choice.NamedByOthers others) {
            return Optional.of(new DeadEnd(say.namedByOthers(actor, others.repository(), others.namedBy()),
                    others.repository() + " was named by " + others.namedBy() + ", not by " + actor.name(),
                    DeadEnd.Reason.REPOSITORY_NAMED_BY_OTHERS));
        }
        return Optional.empty();
    }

    /** @return why the person cannot work in the repository; empty when OpenHands found it for them */
    static Optional<DeadEnd> deadEnd(RepositoryLookup lookup, String repository, JiraUser actor, TriggerComments say) {
        if (lookup instanceof RepositoryLookup.NotFound notFound) {
            return Optional.of(new DeadEnd(say.noAccess(actor, repository, notFound.searched()),
                    actor.name() + " cannot reach " + repository, DeadEnd.Reason.REPOSITORY_NOT_FOUND));
        }
        if (lookup instanceof RepositoryLookup.GitNotConnected none) {
            return Optional.of(new DeadEnd(say.gitNotConnected(actor, repository, none.providers()),
                    actor.name() + " has no Git connection in OpenHands",
                    DeadEnd.Reason.GIT_NOT_CONNECTED));
        }
        return Optional.empty();
    }
}
