package dev.openhands.jiradc.projects.entity;

import dev.openhands.jiradc.settings.entity.GitProvider;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Objects;
import java.util.Optional;

/** One repository a project's jobs may run in, and the Git provider it is on when the admin said so. */
@Embeddable
public class AllowedRepository {

    @Column(name = "repository", nullable = false)
    private String repository;

    @Enumerated(EnumType.STRING)
    @Column(name = "provider")
    private GitProvider provider;

    protected AllowedRepository() {
        // for JPA
    }

    public AllowedRepository(String repository, Optional<GitProvider> provider) {
        this.repository = Objects.requireNonNull(repository);
        this.provider = provider.orElse(null);
    }

    public String repository() {
        return repository;
    }

    public Optional<GitProvider> provider() {
        return Optional.ofNullable(provider);
    }

    public boolean is(String name) {
        return RepositoryName.same(repository, name);
    }
}
