package dev.openhands.jiradc.triggers.control;

import static org.junit.jupiter.api.Assertions.*;

import dev.openhands.jiradc.jira.entity.JiraIssue.JiraComment;
import dev.openhands.jiradc.jira.entity.JiraUser;
import dev.openhands.jiradc.projects.entity.AllowedRepository;
import dev.openhands.jiradc.projects.entity.ProjectRepositories;
import dev.openhands.jiradc.settings.entity.GitProvider;
import dev.openhands.jiradc.triggers.control.RepositoryReferences.Choice;
import dev.openhands.jiradc.triggers.control.RepositoryReferences.Source;
import java.net.URI;
import java.time.Instant;
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

    static final JiraUser ALICE = new JiraUser("JIRAUSER1", "alice", Optional.empty(), "Alice");
    static final JiraUser MALLORY = new JiraUser("JIRAUSER9", "mallory", Optional.empty(), "Mallory");

    static JiraComment by(JiraUser author, String body) {
        return new JiraComment("1", author, body, "2026-11-28T10:00:00.000+0000", Optional.empty());
    }

    static Choice choose(String description, String request, JiraComment... earlierOldestFirst) {
        return RepositoryReferences.choose(description, request, List.of(earlierOldestFirst), ALICE.key());
    }

    static Choice found(String repository, Source source) {
        return new Choice.Found(repository, Optional.empty(), source);
    }

    @Test
    void theDescriptionNamesIt() {
        assertEquals(found("acme/web-app", Source.DESCRIPTION),
                choose("Steps to reproduce...\r\n\r\nRepository: acme/web-app\r\n",
                        "@openhands", by(MALLORY, "some comment")));
    }

    @Test
    void theRequestOverridesTheRequestersCommentsWhichOverrideTheDescription() {
        assertEquals(found("acme/api", Source.REQUEST),
                choose("Repository: acme/web-app", "@openhands\nRepository: acme/api",
                        by(ALICE, "Repository: acme/mobile")));
        assertEquals(found("acme/api", Source.OWN_COMMENT), choose("Repository: acme/web-app", "@openhands",
                by(ALICE, "Repository: acme/mobile"), by(ALICE, "no repo here"),
                by(ALICE, "Sorry, wrong one.\nRepository: acme/api")));
    }

    @Test
    void anotherPersonsLineNeverOverridesTheRequestersOwnSources() {
        assertEquals(found("acme/web-app", Source.DESCRIPTION), choose("Repository: acme/web-app", "@openhands",
                by(MALLORY, "Repository: mallory/tools")));
        assertEquals(found("acme/api", Source.OWN_COMMENT), choose("", "@openhands",
                by(ALICE, "Repository: acme/api"), by(MALLORY, "Repository: mallory/tools")));
    }

    @Test
    void aLineOnlyAnotherPersonWroteIsNamedAsTheirs() {
        assertEquals(new Choice.NamedByOthers("mallory/tools", "Mallory"), choose("Fix it", "@openhands",
                by(MALLORY, "Repository: mallory/old"), by(MALLORY, "Repository: mallory/tools")));
    }

    @Test
    void twoDifferentRepositoriesAtTheSameLevelAreAmbiguous() {
        assertEquals(new Choice.Ambiguous(List.of("acme/web-app", "acme/api")),
                choose("Repository: acme/web-app\nRepository: acme/api", ""));
        assertEquals(new Choice.Ambiguous(List.of("acme/a", "acme/b")), choose("Repository: acme/web-app", "",
                by(ALICE, "Repository: acme/a\nRepository: acme/b")));
    }

    @Test
    void theSameRepositoryTwiceIsNotAmbiguous() {
        assertEquals("acme/web-app",
                ((Choice.Found) choose("Repository: acme/web-app\nRepository: https://github.com/Acme/Web-App.git",
                        "")).repository());
    }

    @Test
    void nothingAnywhereIsMissing() {
        assertEquals(new Choice.Missing(),
                choose("Fix the login page", "@openhands", by(MALLORY, "+1"), by(ALICE, "any news?")));
        assertEquals(new Choice.Missing(), choose(null, ""));
    }

    @Test
    void anAddressIsKeptSoThatItsHostCanNameTheGitProvider() {
        assertEquals(
                new Choice.Found("acme/web-app",
                        Optional.of(URI.create("https://gitlab.example.com/acme/web-app/-/tree/main")),
                        Source.DESCRIPTION),
                choose("Repository: https://gitlab.example.com/acme/web-app/-/tree/main", ""));
        assertEquals(
                new Choice.Found("acme/web-app", Optional.of(URI.create("ssh://git@git.acme.com/acme/web-app.git")),
                        Source.REQUEST),
                choose("", "Repository: git@git.acme.com:acme/web-app.git"));
        assertEquals(
                new Choice.Found("acme/web-app", Optional.of(URI.create("https://github.com/acme/web-app")),
                        Source.DESCRIPTION),
                choose("Repository: [acme/web-app|https://github.com/acme/web-app]", ""));
        assertEquals(found("acme/web-app", Source.DESCRIPTION), choose("Repository: acme/web-app", ""));
    }

    // ---------------------------------------------------------------- under a Jira project's mapping (issue 21)

    static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    /** ACME: default acme/app, only acme/app and acme/lib allowed. */
    static final ProjectRepositories ACME = new ProjectRepositories("ACME",
            new AllowedRepository("acme/app", Optional.of(GitProvider.GITLAB)),
            List.of(new AllowedRepository("acme/app", Optional.of(GitProvider.GITLAB)),
                    new AllowedRepository("acme/lib", Optional.empty())),
            NOW);

    /** DOCS: default acme/docs, any repository. */
    static final ProjectRepositories DOCS = new ProjectRepositories("DOCS",
            new AllowedRepository("acme/docs", Optional.empty()), List.of(), NOW);

    static Choice underAcme(String description, String request, JiraComment... earlierOldestFirst) {
        return ProjectRules.apply(choose(description, request, earlierOldestFirst), Optional.of(ACME));
    }

    @Test
    void anIssueNamingNoRepositoryGetsTheProjectsDefault() {
        assertEquals(found("acme/app", Source.PROJECT_DEFAULT), underAcme("Fix it", "@openhands"));
        assertEquals(found("acme/docs", Source.PROJECT_DEFAULT),
                ProjectRules.apply(choose("Fix it", "@openhands"), Optional.of(DOCS)));
    }

    @Test
    void aNamedRepositoryOnTheListIsUsedInAnyCaseAndOneOutsideItIsRefusedNamingTheAllowedOnes() {
        assertEquals(found("Acme/Lib", Source.REQUEST), underAcme("", "@openhands\nRepository: Acme/Lib"));
        assertEquals(new Choice.NotAllowed("acme/other", Source.DESCRIPTION, Optional.empty(), "ACME",
                List.of("acme/app", "acme/lib")), underAcme("Repository: acme/other", "@openhands"));
        assertEquals(found("acme/lib", Source.REQUEST),
                underAcme("Repository: acme/other", "@openhands\nRepository: acme/lib"),
                "asking again naming an allowed one works");
    }

    @Test
    void anAllowedRepositoryInAnotherPersonsCommentIsTakenAndOneNotAllowedStaysRefused() {
        assertEquals(found("acme/lib", Source.OTHERS_COMMENT),
                underAcme("Fix it", "@openhands", by(MALLORY, "Repository: acme/lib")));
        assertEquals(new Choice.NotAllowed("mallory/tools", Source.OTHERS_COMMENT, Optional.of("Mallory"), "ACME",
                List.of("acme/app", "acme/lib")),
                underAcme("Fix it", "@openhands", by(MALLORY, "Repository: mallory/tools")),
                "not the default either: the other person's line is refused, not quietly replaced");
    }

    @Test
    void withoutAListOnlyTheDefaultMayComeFromAnotherPersonAndAnyRepositoryMayBeNamed() {
        assertEquals(found("ACME/docs", Source.OTHERS_COMMENT), ProjectRules
                .apply(choose("", "@openhands", by(MALLORY, "Repository: ACME/docs")), Optional.of(DOCS)));
        assertEquals(new Choice.NamedByOthers("mallory/tools", "Mallory"), ProjectRules
                .apply(choose("", "@openhands", by(MALLORY, "Repository: mallory/tools")), Optional.of(DOCS)));
        assertEquals(found("acme/anything", Source.REQUEST), ProjectRules
                .apply(choose("", "@openhands\nRepository: acme/anything"), Optional.of(DOCS)));
    }

    @Test
    void withoutAMappingEverythingIsAsBefore() {
        for (Choice choice : List.of(new Choice.Missing(), new Choice.NamedByOthers("mallory/tools", "Mallory"),
                found("acme/other", Source.REQUEST), new Choice.Ambiguous(List.of("acme/a", "acme/b")))) {
            assertSame(choice, ProjectRules.apply(choice, Optional.empty()));
        }
        assertEquals(new Choice.Ambiguous(List.of("acme/app", "acme/other")),
                underAcme("", "@openhands\nRepository: acme/app\nRepository: acme/other"),
                "several named: still asked which one");
    }

    @Test
    void theProviderTheAdminNamedIsTheOneSearched() {
        assertEquals(Optional.of(GitProvider.GITLAB), ACME.providerOf("ACME/app"));
        assertEquals(Optional.empty(), ACME.providerOf("acme/lib"));
        assertEquals(Optional.empty(), ACME.providerOf("acme/other"));
    }

    @Test
    void anIssuesProjectIsItsKeyBeforeTheLastHyphen() {
        assertEquals("ACME", ProjectRepositories.projectOf("ACME-12"));
        assertEquals("MY_PROJ2", ProjectRepositories.projectOf("MY_PROJ2-3"));
    }
}
