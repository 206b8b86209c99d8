package dev.openhands.jiradc.triggers.control;

import dev.openhands.jiradc.projects.entity.ProjectRepositories;
import dev.openhands.jiradc.triggers.control.RepositoryReferences.Choice;
import dev.openhands.jiradc.triggers.control.RepositoryReferences.Source;
import java.util.Optional;

/**
 * What a Jira project's mapping makes of the repository an issue names: the project's default when no one named one,
 * a refusal for one outside its allowed list, and another person's choice taken when it is one the admin allowed (it
 * then runs where the admin said the project's jobs run, whoever wrote it). A project without a mapping keeps the
 * issue's choice as it is.
 */
public final class ProjectRules {

    private ProjectRules() {
    }

    public static Choice apply(Choice choice, Optional<ProjectRepositories> mapping) {
        return mapping.map(project -> apply(choice, project)).orElse(choice);
    }

    static Choice apply(Choice choice, ProjectRepositories project) {
        if (choice instanceof Choice.Missing) {
            return new Choice.Found(project.defaultRepository(), Optional.empty(), Source.PROJECT_DEFAULT);
        }
        if (choice instanceof Choice.Found found && project.restricts() && !project.allows(found.repository())) {
            return notAllowed(found.repository(), found.source(), Optional.empty(), project);
        }
        if (choice instanceof Choice.NamedByOthers others) {
            if (project.allows(others.repository())) {
                return new Choice.Found(others.repository(), Optional.empty(), Source.OTHERS_COMMENT);
            }
            if (project.restricts()) {
                return notAllowed(others.repository(), Source.OTHERS_COMMENT, Optional.of(others.namedBy()), project);
            }
        }
        return choice;
    }

    private static Choice notAllowed(String repository, Source source, Optional<String> namedBy,
            ProjectRepositories project) {
        return new Choice.NotAllowed(repository, source, namedBy, project.projectKey(), project.allowedNames());
    }
}
