package dev.openhands.jiradc.projects.entity;

import dev.openhands.jiradc.settings.entity.GitProvider;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a Jira project's jobs run: the repository used when an issue names none, and, when the admin gave a list, the
 * only repositories a job may run in. A repository the mapping allows is one the admin chose, so it may be taken from
 * anyone's comment; without a list, only the default is.
 */
@Entity
@Table(name = "project_repositories")
@NamedQuery(name = ProjectRepositories.ALL, query = "select p from ProjectRepositories p order by p.projectKey")
public class ProjectRepositories {

    public static final String ALL = "ProjectRepositories.all";

    /** Jira's project keys: an uppercase letter, then uppercase letters, digits or underscores. */
    public static final Pattern KEY = Pattern.compile("[A-Z][A-Z0-9_]{0,254}");

    @Id
    @Column(name = "project_key")
    private String projectKey;

    @Column(name = "default_repository", nullable = false)
    private String defaultRepository;

    @Enumerated(EnumType.STRING)
    @Column(name = "default_provider")
    private GitProvider defaultProvider;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "project_allowed_repository", joinColumns = @JoinColumn(name = "project_key"))
    @OrderColumn(name = "list_index")
    private List<AllowedRepository> allowed = new ArrayList<>();

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected ProjectRepositories() {
        // for JPA
    }

    public ProjectRepositories(String projectKey, AllowedRepository defaultRepository, List<AllowedRepository> allowed,
            Instant now) {
        this.projectKey = projectKey;
        replace(defaultRepository, allowed, now);
    }

    /** The project key of an issue key: Jira's issue keys are the project key, a hyphen and a number. */
    public static String projectOf(String issueKey) {
        int hyphen = issueKey.lastIndexOf('-');
        return hyphen < 0 ? issueKey : issueKey.substring(0, hyphen);
    }

    /** The admin's new mapping, checked by {@code projects.control.MappingCheck} before it gets here. */
    public final void replace(AllowedRepository newDefault, List<AllowedRepository> newAllowed, Instant now) {
        this.defaultRepository = newDefault.repository();
        this.defaultProvider = newDefault.provider().orElse(null);
        this.allowed.clear();
        this.allowed.addAll(newAllowed);
        // as stored: the answer to a change shows what a read shows
        this.updatedAt = now.truncatedTo(ChronoUnit.MILLIS);
    }

    public String projectKey() {
        return projectKey;
    }

    public String defaultRepository() {
        return defaultRepository;
    }

    public Optional<GitProvider> defaultProvider() {
        return Optional.ofNullable(defaultProvider);
    }

    /** The allowed repositories in the admin's order; empty when the project's jobs may run in any repository. */
    public List<AllowedRepository> allowed() {
        return List.copyOf(allowed);
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** Whether a named repository must be on the allowed list. */
    public boolean restricts() {
        return !allowed.isEmpty();
    }

    /**
     * Whether the admin chose this repository for the project: on the allowed list, or, without a list, the default.
     * Such a repository may be taken from anyone's comment: whoever wrote it, it runs where the admin said jobs run.
     */
    public boolean allows(String repository) {
        return restricts() ? allowed.stream().anyMatch(entry -> entry.is(repository))
                : RepositoryName.same(defaultRepository, repository);
    }

    /** The Git provider the admin named for the repository, for the search in OpenHands. */
    public Optional<GitProvider> providerOf(String repository) {
        if (RepositoryName.same(defaultRepository, repository) && defaultProvider != null) {
            return Optional.of(defaultProvider);
        }
        return allowed.stream().filter(entry -> entry.is(repository)).findFirst()
                .flatMap(AllowedRepository::provider);
    }

    /** The mapping in a few words, for the audit trail. */
    public String described() {
        return "default " + defaultRepository + (restricts() ? "; allowed " + String.join(", ", allowedNames()) : "");
    }

    /** The allowed repositories as the bot names them. */
    public List<String> allowedNames() {
        return allowed.stream().map(AllowedRepository::repository).toList();
    }
}
