package dev.openhands.jiradc.projects.control;

import dev.openhands.jiradc.accounts.boundary.SignedInUser;
import dev.openhands.jiradc.audit.boundary.Audit;
import dev.openhands.jiradc.audit.entity.AuditAction;
import dev.openhands.jiradc.audit.entity.AuditEvent;
import dev.openhands.jiradc.projects.entity.ProjectRepositories;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.time.Clock;
import java.util.Optional;

/**
 * An admin's change to a project's mapping, each in a transaction of its own with its audit record, so that
 * {@code Projects} can try a change again when another admin's change to the same project won the race.
 */
@ApplicationScoped
@Transactional
public class MappingStore {

    @PersistenceContext
    EntityManager em;

    /** Each change is recorded in its transaction, by the admin's login (their email). */
    @Inject
    Audit audit;

    @Inject
    SignedInUser admin;

    private final Clock clock = Clock.systemUTC();

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
        ProjectRepositories project = Optional
                .ofNullable(em.find(ProjectRepositories.class, MappingCheck.projectKey(projectKey)))
                .orElseThrow(() -> new NotFoundException("No repositories are mapped to the Jira project " + projectKey
                        + "."));
        em.remove(project);
        audit.record(AuditEvent.of(AuditAction.PROJECT_MAPPING_DELETED, admin.account().email())
                .project(project.projectKey()).outcome(project.described()));
    }
}
