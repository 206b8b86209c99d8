package dev.openhands.jiradc.settings.entity;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A kind of Git host, by the name OpenHands' API ({@code ProviderType}) and the setting {@code openhands.git-hosts}
 * use.
 */
public enum GitProvider {
    GITHUB("github", "GitHub"),
    GITLAB("gitlab", "GitLab"),
    BITBUCKET("bitbucket", "Bitbucket"),
    BITBUCKET_DATA_CENTER("bitbucket_data_center", "Bitbucket Data Center"),
    FORGEJO("forgejo", "Forgejo"),
    AZURE_DEVOPS("azure_devops", "Azure DevOps"),
    ENTERPRISE_SSO("enterprise_sso", "Enterprise SSO");

    /**
     * The order in which a plain {@code org/repo} is looked for when OpenHands cannot say which provider the person
     * uses.
     */
    public static final List<GitProvider> SEARCH_ORDER = List.of(GITHUB, GITLAB, BITBUCKET, BITBUCKET_DATA_CENTER,
            FORGEJO,
            AZURE_DEVOPS);

    private static final Map<String, GitProvider> PUBLIC_HOSTS = Map.of(
            "github.com", GITHUB, "gitlab.com", GITLAB, "bitbucket.org", BITBUCKET, "dev.azure.com", AZURE_DEVOPS,
            "codeberg.org", FORGEJO);

    private final String apiName;
    private final String displayName;

    GitProvider(String apiName, String displayName) {
        this.apiName = apiName;
        this.displayName = displayName;
    }

    public String apiName() {
        return apiName;
    }

    public String displayName() {
        return displayName;
    }

    public static Optional<GitProvider> byApiName(String name) {
        return Stream.of(values()).filter(provider -> provider.apiName.equals(name.trim().toLowerCase(Locale.ROOT)))
                .findFirst();
    }

    /**
     * The provider a repository URL names: a host the admin mapped ({@code openhands.git-hosts}), a public host, or
     * the shape of a self-hosted address (Bitbucket Data Center's {@code /projects/KEY/repos/}, GitLab's {@code /-/}).
     */
    public static Optional<GitProvider> ofUrl(URI url, Map<String, GitProvider> configuredHosts) {
        String host = Optional.ofNullable(url.getHost()).map(name -> name.toLowerCase(Locale.ROOT)).orElse("");
        String path = Optional.ofNullable(url.getPath()).orElse("");
        if (configuredHosts.containsKey(host)) {
            return Optional.of(configuredHosts.get(host));
        }
        if (PUBLIC_HOSTS.containsKey(host)) {
            return Optional.of(PUBLIC_HOSTS.get(host));
        }
        if (host.endsWith(".visualstudio.com")) {
            return Optional.of(AZURE_DEVOPS);
        }
        if (path.matches(".*/projects/[^/]+/repos/[^/]+.*")) {
            return Optional.of(BITBUCKET_DATA_CENTER);
        }
        return path.contains("/-/") ? Optional.of(GITLAB) : Optional.empty();
    }
}
