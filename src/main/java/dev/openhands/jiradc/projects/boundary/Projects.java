package dev.openhands.jiradc.projects.boundary;

import dev.openhands.jiradc.projects.control.MappingCheck;
import dev.openhands.jiradc.projects.control.MappingStore;
import dev.openhands.jiradc.projects.entity.ProjectRepositories;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.NotFoundException;
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

    @Inject
    MappingStore store;

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

    /**
     * Creates the project's mapping, or replaces the one it has. Outside a transaction, so that a write that lost the
     * race to another admin's (the project's key inserted first, or its allowed repositories replaced first: a unique
     * key violated at commit) is tried again in a new one, and then replaces the other's as if it came a moment later.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public ProjectRepositories put(MappingCheck.Checked mapping) {
        try {
            return store.put(mapping);
        } catch (PersistenceException | TransactionalException e) {
            return store.put(mapping);
        }
    }

    /**
     * Outside a transaction, so that of two admins deleting the mapping at once, the one whose delete found no row
     * left is tried again and told, as a 404, that there is none.
     *
     * @throws NotFoundException (404) when the project has no mapping
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public void delete(String projectKey) {
        try {
            store.delete(projectKey);
        } catch (PersistenceException | TransactionalException e) {
            store.delete(projectKey);
        }
    }
}
