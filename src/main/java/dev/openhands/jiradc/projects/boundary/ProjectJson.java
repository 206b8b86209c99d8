package dev.openhands.jiradc.projects.boundary;

import dev.openhands.jiradc.projects.control.MappingCheck;
import dev.openhands.jiradc.projects.entity.AllowedRepository;
import dev.openhands.jiradc.projects.entity.MappingRefused;
import dev.openhands.jiradc.projects.entity.ProjectRepositories;
import dev.openhands.jiradc.settings.entity.GitProvider;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A project's mapping as {@code /api/integrations/jira-dc/projects} takes and answers it. A provider is OpenHands' name
 * for it ({@code github}, {@code gitlab}, ...), left out when the admin gave none; {@code allowedRepositories} is empty
 * when the project's jobs may run in any repository. {@code projectKey} and {@code updatedAt} are ignored in a request
 * (the key is the address's).
 */
@JsonbPropertyOrder({"projectKey", "defaultRepository", "defaultProvider", "allowedRepositories", "updatedAt"})
public record ProjectJson(String projectKey, String defaultRepository, String defaultProvider,
        List<Allowed> allowedRepositories, Instant updatedAt) {

    @JsonbPropertyOrder({"repository", "provider"})
    public record Allowed(String repository, String provider) {

        static Allowed of(AllowedRepository entry) {
            return new Allowed(entry.repository(), entry.provider().map(GitProvider::apiName).orElse(null));
        }
    }

    /** @throws MappingRefused (400) when there is no body, or the mapping does not hold together */
    static MappingCheck.Checked checked(String projectKey, ProjectJson body) {
        ProjectJson mapping = Optional.ofNullable(body).orElseThrow(() -> new MappingRefused(
                "Send the mapping as JSON, such as {\"defaultRepository\": \"org/repo\", \"allowedRepositories\": []}."));
        List<MappingCheck.Entry> allowed = Optional.ofNullable(mapping.allowedRepositories()).orElse(List.of()).stream()
                .map(entry -> entry == null ? null : new MappingCheck.Entry(entry.repository(), entry.provider()))
                .toList();
        return MappingCheck.check(projectKey,
                new MappingCheck.Entry(mapping.defaultRepository(), mapping.defaultProvider()), allowed);
    }

    static ProjectJson of(ProjectRepositories project) {
        return new ProjectJson(project.projectKey(), project.defaultRepository(),
                project.defaultProvider().map(GitProvider::apiName).orElse(null),
                project.allowed().stream().map(Allowed::of).toList(), project.updatedAt());
    }
}
