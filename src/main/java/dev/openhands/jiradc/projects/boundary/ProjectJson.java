package dev.openhands.jiradc.projects.boundary;

import dev.openhands.jiradc.projects.control.MappingCheck;
import dev.openhands.jiradc.projects.entity.AllowedRepository;
import dev.openhands.jiradc.projects.entity.MappingRefused;
import dev.openhands.jiradc.projects.entity.ProjectRepositories;
import dev.openhands.jiradc.settings.entity.GitProvider;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
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

    /** Read here rather than by the JAX-RS provider, so that a body that is not this JSON is a 400 in words. */
    private static final Jsonb JSONB = JsonbBuilder.create();

    private static final String EXAMPLE = "{\"defaultRepository\": \"org/repo\", \"allowedRepositories\":"
            + " [{\"repository\": \"org/repo\", \"provider\": \"github\"}]}";

    /** @throws MappingRefused (400) when the body is not a mapping in JSON, or the mapping does not hold together */
    static MappingCheck.Checked checked(String projectKey, String body) {
        ProjectJson mapping;
        try {
            mapping = body == null || body.isBlank() ? null : JSONB.fromJson(body, ProjectJson.class);
        } catch (JsonbException e) {
            mapping = null;
        }
        if (mapping == null) {
            throw new MappingRefused("Send the mapping as a JSON object, such as " + EXAMPLE + ".");
        }
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
