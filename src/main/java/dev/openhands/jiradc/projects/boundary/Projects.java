package dev.openhands.jiradc.projects.boundary;

import dev.openhands.jiradc.accounts.boundary.SignedInUser;
import dev.openhands.jiradc.audit.boundary.Audit;
import dev.openhands.jiradc.audit.entity.AuditAction;
import dev.openhands.jiradc.audit.entity.AuditEvent;
import dev.openhands.jiradc.projects.control.MappingCheck;
import dev.openhands.jiradc.projects.entity.ProjectRepositories;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The repositories mapped to Jira projects. Read from the database at each trigger (one lookup by primary key), so
 * that a change an admin makes on one instance applies on every instance from the next trigger on.
 */
@ApplicationScoped
@Transactional
public class Projects {

    @PersistenceContext
    EntityManager em;

    /** Each change is recorded in its transaction, by the admin's login (their email). */
    @Inject
    Audit audit;

    @Inject
    SignedInUser admin;

    private final Clock clock = Clock.systemUTC();

    /** The mapping of the issue's project, if an admin made one. */
    public Optional<ProjectRepositories> ofIssue(String issueKey) {
        return Optional.ofNullable(
                em.find(ProjectRepositories.class, ProjectRepositories.projectOf(issueKey).toUpperCase(Locale.ROOT)));
    }

    public List<ProjectRepositories> all() {
        return em.createNamedQuery(ProjectRepositories.ALL, ProjectRepositories.class).getResultList();
    }

    /** @throws NotFoundException (404) when the project has no mapping */
    public ProjectRepositories find(String projectKey) {
        return Optional.ofNullable(em.find(ProjectRepositories.class, MappingCheck.projectKey(projectKey)))
                .orElseThrow(() -> new NotFoundException("No repositories are mapped to the Jira project " + projectKey
                        + "."));
    }

    /** Creates the project's mapping, or replaces the one it has. */
    public ProjectRepositories put(MappingCheck.Checked mapping) {
        ProjectRepositories project = em.find(ProjectRepositories.class, mapping.projectKey());
        if (project == null) {
            project = new ProjectRepositories(mapping.projectKey(), mapping.defaultRepository(), mapping.allowed(),
                    clock.instant());
            em.persist(project);
        } else {
            project.replace(mapping.defaultRepository(), mapping.allowed(), clock.instant());
        }
        audit.record(AuditEvent.of(AuditAction.PROJECT_MAPPING_SAVED, admin.account().email())
                .project(project.projectKey()).outcome(project.described()));
        return project;
    }

    /** @throws NotFoundException (404) when the project has no mapping */
    public void delete(String projectKey) {
        ProjectRepositories project = find(projectKey);
        em.remove(project);
        audit.record(AuditEvent.of(AuditAction.PROJECT_MAPPING_DELETED, admin.account().email())
                .project(project.projectKey()).outcome(project.described()));
    }
}
