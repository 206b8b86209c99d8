package dev.openhands.jiradc.projects.control;

import dev.openhands.jiradc.projects.entity.AllowedRepository;
import dev.openhands.jiradc.projects.entity.MappingRefused;
import dev.openhands.jiradc.projects.entity.ProjectRepositories;
import dev.openhands.jiradc.projects.entity.RepositoryName;
import dev.openhands.jiradc.settings.entity.GitProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Checks an admin's mapping before it is stored; each mistake is a 400 that says what to write instead. */
public final class MappingCheck {

    /** More would not fit a comment that names them; a project with more should not restrict by list. */
    public static final int MOST_ALLOWED = 100;

    /** A mapping that passed the checks, its names trimmed and its providers read. */
    public record Checked(String projectKey, AllowedRepository defaultRepository, List<AllowedRepository> allowed) {
    }

    /** One repository as the admin wrote it. */
    public record Entry(String repository, String provider) {
    }

    private MappingCheck() {
    }

    /** @throws MappingRefused (400) when the key is not one Jira could have */
    public static String projectKey(String key) {
        if (key == null || !ProjectRepositories.KEY.matcher(key).matches()) {
            throw new MappingRefused(
                    "'" + shown(key) + "' is not a Jira project key: a project key is an uppercase"
                            + " letter followed by uppercase letters, digits or underscores, such as ACME.");
        }
        return key;
    }

    /**
     * @param defaultRepository the repository used when an issue names none (required)
     * @param allowed the only repositories the project's jobs may run in; null or empty for any
     * @throws MappingRefused (400) naming the first mistake
     */
    public static Checked check(String key, Entry defaultRepository, List<Entry> allowed) {
        String projectKey = projectKey(key);
        if (defaultRepository.repository() == null || defaultRepository.repository().isBlank()) {
            throw new MappingRefused("Name the project's default repository in 'defaultRepository', as org/repo.");
        }
        List<Entry> list = allowed == null ? List.of() : allowed;
        if (list.size() > MOST_ALLOWED) {
            throw new MappingRefused("A project allows at most " + MOST_ALLOWED + " repositories; this list has "
                    + list.size() + ". Leave 'allowedRepositories' empty to allow any repository.");
        }
        List<AllowedRepository> checked = new ArrayList<>();
        for (Entry entry : list) {
            if (entry == null || entry.repository() == null || entry.repository().isBlank()) {
                throw new MappingRefused("Each of 'allowedRepositories' needs a 'repository', as org/repo.");
            }
            AllowedRepository repository = repository(entry);
            if (checked.stream().anyMatch(earlier -> earlier.is(repository.repository()))) {
                throw new MappingRefused(repository.repository() + " is on the allowed list twice: name each"
                        + " repository once.");
            }
            checked.add(repository);
        }
        AllowedRepository fallback = repository(defaultRepository);
        if (checked.isEmpty()) {
            return new Checked(projectKey, fallback, List.of());
        }
        AllowedRepository listed = checked.stream().filter(entry -> entry.is(fallback.repository())).findFirst()
                .orElseThrow(() -> new MappingRefused("The default repository " + fallback.repository()
                        + " is not on the allowed list (" + names(checked) + "): add it to 'allowedRepositories',"
                        + " or choose one of those as the default."));
        if (fallback.provider().isPresent() && listed.provider().isPresent()
                && fallback.provider().get() != listed.provider().get()) {
            throw new MappingRefused(fallback.repository() + " is on " + fallback.provider().get().apiName()
                    + " as the default and on " + listed.provider().get().apiName()
                    + " on the allowed list: give it one provider.");
        }
        // one provider for the repository, wherever the admin wrote it
        Optional<GitProvider> provider = fallback.provider().or(listed::provider);
        checked.set(checked.indexOf(listed), new AllowedRepository(listed.repository(), provider));
        return new Checked(projectKey, new AllowedRepository(fallback.repository(), provider), List.copyOf(checked));
    }

    private static AllowedRepository repository(Entry entry) {
        String name = entry.repository().trim();
        if (!RepositoryName.isValid(name)) {
            throw new MappingRefused("'" + shown(name) + "' is not a repository name: write it as org/repo"
                    + " (letters, digits, '.', '_', '~' and '-', without the Git host's address).");
        }
        return new AllowedRepository(name, provider(entry.provider()));
    }

    private static Optional<GitProvider> provider(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        return GitProvider.byApiName(name).filter(GitProvider.SEARCH_ORDER::contains)
                .or(() -> {
                    throw new MappingRefused("'" + shown(name) + "' is not a Git provider: use one of "
                            + GitProvider.SEARCH_ORDER.stream().map(GitProvider::apiName)
                                    .collect(Collectors.joining(", "))
                            + ", or leave it out to search the providers the person uses.");
                });
    }

    private static String names(List<AllowedRepository> repositories) {
        return repositories.stream().map(AllowedRepository::repository).collect(Collectors.joining(", "));
    }

    /** Input echoed in an answer, cut short and without control characters. */
    private static String shown(String input) {
        if (input == null) {
            return "";
        }
        String plain = input.replaceAll("\\p{Cntrl}", "?");
        return plain.length() > 80 ? plain.substring(0, 80) + "..." : plain;
    }
}
