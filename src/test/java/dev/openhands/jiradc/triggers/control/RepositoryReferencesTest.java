package dev.openhands.jiradc.triggers.control;

import static org.junit.jupiter.api.Assertions.*;

import dev.openhands.jiradc.triggers.control.RepositoryReferences.Choice;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RepositoryReferencesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '§', value = {
            "Repository: Acme/web-app § Acme/web-app",
            "repository: acme/web-app § acme/web-app",
            "REPOSITORY:acme/web-app § acme/web-app",
            "Repository:    acme/web-app    § acme/web-app",
            "  Repository: acme/web-app § acme/web-app",
            "Repository : acme/web-app § acme/web-app",
            "Repository: acme/web-app. § acme/web-app",
            "Repository: acme/web-app? § acme/web-app",
            "Repository: acme/web-app, please § acme/web-app",
            "Repository: acme/web-app.git § acme/web-app",
            "Repository: acme/web-app.git. § acme/web-app",
            "Repository: (acme/web-app) § acme/web-app",
            "*Repository:* acme/web-app § acme/web-app",
            "*Repository: acme/web-app* § acme/web-app",
            "Repository: {{acme/web-app}} § acme/web-app",
            "Repository: [acme/web-app|https://github.com/acme/web-app] § acme/web-app",
            "Repository: [Web app|https://github.com/acme/web-app] § acme/web-app",
            "Repository: [https://github.com/acme/web-app] § acme/web-app",
            "Repository: https://github.com/acme/web-app § acme/web-app",
            "Repository: https://github.com/acme/web-app.git § acme/web-app",
            "Repository: https://github.com/acme/web-app/ § acme/web-app",
            "Repository: https://github.com/acme/web-app/tree/main/src § acme/web-app",
            "Repository: https://github.example.com/acme/web-app/pull/12 § acme/web-app",
            "Repository: https://gitlab.com/acme/platform/web-app/-/tree/main § acme/platform/web-app",
            "Repository: https://bitbucket.example.com/projects/ACME/repos/web-app/browse § ACME/web-app",
            "Repository: https://bitbucket.example.com/projects/ACME/repos/web-app § ACME/web-app",
            "Repository: git@github.com:acme/web-app.git § acme/web-app",
            "Repository: acme/web_app.v2 § acme/web_app.v2",
            "Repository: acme/web-app (the frontend) § acme/web-app",
            "- Repository: acme/web-app § acme/web-app",
    })
    void findsTheRepository(String text, String expected) {
        assertEquals(List.of(expected), RepositoryReferences.referencesIn(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "acme/web-app",
            "The repository is acme/web-app",
            "Repo: acme/web-app",
            "Repository: web-app",
            "Repository:",
            "Repository: TBD",
            "Repository: https://github.com/acme",
            "Repository: ../etc/passwd",
            "Repository: acme/ web-app",
            "Our repository: is not decided",
            "Repository: [link text only]",
            "Repository: acme//web-app",
    })
    void findsNothingWithoutAValidRepositoryLine(String text) {
        assertEquals(List.of(), RepositoryReferences.referencesIn(text), text);
    }

    @Test
    void theDescriptionNamesIt() {
        assertEquals(new Choice.Found("acme/web-app"), RepositoryReferences.choose(
                "Steps to reproduce...\r\n\r\nRepository: acme/web-app\r\n", List.of("some comment")));
    }

    @Test
    void aLaterCommentOverridesTheDescription() {
        assertEquals(new Choice.Found("acme/api"), RepositoryReferences.choose("Repository: acme/web-app",
                List.of("Repository: acme/mobile", "no repo here", "Sorry, wrong one.\nRepository: acme/api")));
    }

    @Test
    void twoDifferentRepositoriesAtTheSameLevelAreAmbiguous() {
        assertEquals(new Choice.Ambiguous(List.of("acme/web-app", "acme/api")),
                RepositoryReferences.choose("Repository: acme/web-app\nRepository: acme/api", List.of()));
        assertEquals(new Choice.Ambiguous(List.of("acme/a", "acme/b")), RepositoryReferences.choose("Repository: acme/web-app",
                List.of("Repository: acme/a\nRepository: acme/b")));
    }

    @Test
    void theSameRepositoryTwiceIsNotAmbiguous() {
        assertEquals(new Choice.Found("acme/web-app"), RepositoryReferences.choose(
                "Repository: acme/web-app\nRepository: https://github.com/Acme/Web-App.git", List.of()));
    }

    @Test
    void nothingAnywhereIsMissing() {
        assertEquals(new Choice.Missing(), RepositoryReferences.choose("Fix the login page", List.of("+1", "any news?")));
        assertEquals(new Choice.Missing(), RepositoryReferences.choose(null, List.of()));
    }

    @Test
    void anAddressIsKeptSoThatItsHostCanNameTheGitProvider() {
        assertEquals(new Choice.Found("acme/web-app", Optional.of(URI.create("https://gitlab.example.com/acme/web-app/-/tree/main"))),
                RepositoryReferences.choose("Repository: https://gitlab.example.com/acme/web-app/-/tree/main", List.of()));
        assertEquals(new Choice.Found("acme/web-app", Optional.of(URI.create("ssh://git@git.acme.com/acme/web-app.git"))),
                RepositoryReferences.choose("Repository: git@git.acme.com:acme/web-app.git", List.of()));
        assertEquals(new Choice.Found("acme/web-app", Optional.of(URI.create("https://github.com/acme/web-app"))),
                RepositoryReferences.choose("Repository: [acme/web-app|https://github.com/acme/web-app]", List.of()));
        assertEquals(new Choice.Found("acme/web-app"), RepositoryReferences.choose("Repository: acme/web-app", List.of()));
    }
}
