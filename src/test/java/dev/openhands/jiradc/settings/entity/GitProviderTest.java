package dev.openhands.jiradc.settings.entity;

import static org.junit.jupiter.api.Assertions.*;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which Git provider a repository's address names, so that OpenHands is searched there only. */
class GitProviderTest {

    static final Map<String, GitProvider> CONFIGURED = Map.of("git.acme.com", GitProvider.GITLAB);

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "https://github.com/acme/web-app, github",
            "https://GitHub.com/acme/web-app, github",
            "ssh://git@github.com/acme/web-app.git, github",
            "https://gitlab.com/acme/platform/web-app, gitlab",
            "https://bitbucket.org/acme/web-app, bitbucket",
            "https://dev.azure.com/acme/project/_git/web-app, azure_devops",
            "https://acme.visualstudio.com/project/_git/web-app, azure_devops",
            "https://codeberg.org/acme/web-app, forgejo",
            "https://git.acme.com/acme/web-app, gitlab",
            "https://bitbucket.acme.com/projects/ACME/repos/web-app/browse, bitbucket_data_center",
            "https://code.acme.com/acme/web-app/-/tree/main, gitlab",
            "https://code.acme.com/acme/web-app, ",
    })
    void theAddressNamesTheProvider(String address, String expected) {
        assertEquals(Optional.ofNullable(expected).flatMap(GitProvider::byApiName),
                GitProvider.ofUrl(URI.create(address), CONFIGURED));
    }
}
