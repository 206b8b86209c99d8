package dev.openhands.jiradc.projects.control;

import static org.junit.jupiter.api.Assertions.*;

import dev.openhands.jiradc.projects.control.MappingCheck.Checked;
import dev.openhands.jiradc.projects.control.MappingCheck.Entry;
import dev.openhands.jiradc.projects.entity.AllowedRepository;
import dev.openhands.jiradc.projects.entity.MappingRefused;
import dev.openhands.jiradc.settings.entity.GitProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An admin's mapping is stored only when it holds together; each mistake is answered in words. */
class MappingCheckTest {

    static String refusal(String key, Entry fallback, List<Entry> allowed) {
        return assertThrows(MappingRefused.class, () -> MappingCheck.check(key, fallback, allowed)).getMessage();
    }

    static String names(Checked checked) {
        return checked.defaultRepository().repository() + " " + checked.defaultRepository().provider() + " "
                + checked.allowed().stream().map(entry -> entry.repository() + "=" + entry.provider()).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ACME", "A", "MY_PROJ2", "AB12"})
    void jirasProjectKeysAreTaken(String key) {
        assertEquals(key, MappingCheck.check(key, new Entry("acme/app", null), null).projectKey());
    }

    @ParameterizedTest
    @ValueSource(strings = {"acme", "1ACME", "_ACME", "AC-ME", "AC ME", "ÄCME", ""})
    void otherKeysAreRefusedInWords(String key) {
        assertEquals("'" + key + "' is not a Jira project key: a project key is an uppercase letter followed by"
                + " uppercase letters, digits or underscores, such as ACME.",
                refusal(key, new Entry("acme/app", null), List.of()));
    }

    @Test
    void aDefaultAloneAllowsAnyRepository() {
        assertEquals("acme/app Optional[GITHUB] []",
                names(MappingCheck.check("ACME", new Entry(" acme/app ", "github"), List.of())));
    }

    @Test
    void theDefaultTakesItsProviderFromTheListWhenItNamesNone() {
        assertEquals("acme/app Optional[GITLAB] [acme/lib=Optional.empty, acme/app=Optional[GITLAB]]",
                names(MappingCheck.check("ACME", new Entry("acme/app", null),
                        List.of(new Entry("acme/lib", ""), new Entry("Acme/App", "gitlab")))).replace("Acme/App",
                                "acme/app"));
    }

    @Test
    void theListTakesTheDefaultsProviderWhenItNamesNone() {
        assertEquals("acme/app Optional[GITLAB] [acme/app=Optional[GITLAB], acme/lib=Optional.empty]",
                names(MappingCheck.check("ACME", new Entry("acme/app", "gitlab"),
                        List.of(new Entry("acme/app", null), new Entry("acme/lib", null)))));
    }

    @Test
    void theDefaultMustBeOnTheListWhenThereIsOne() {
        assertEquals("The default repository acme/app is not on the allowed list (acme/lib, acme/web): add it to"
                + " 'allowedRepositories', or choose one of those as the default.",
                refusal("ACME", new Entry("acme/app", null), List.of(new Entry("acme/lib", null),
                        new Entry("acme/web", null))));
    }

    @Test
    void aDefaultIsRequired() {
        assertEquals("Name the project's default repository in 'defaultRepository', as org/repo.",
                refusal("ACME", new Entry(null, null), List.of()));
        assertEquals("Name the project's default repository in 'defaultRepository', as org/repo.",
                refusal("ACME", new Entry(" ", null), List.of()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"web-app", "https://github.com/acme/app", "acme//app", "../etc/passwd", "acme/ app",
            "acme/app/"})
    void repositoriesAreOrgSlashRepoAsTheRepositoryLineTakesThem(String name) {
        assertEquals("'" + name.trim() + "' is not a repository name: write it as org/repo (letters, digits, '.', '_',"
                + " '~' and '-', without the Git host's address).",
                refusal("ACME", new Entry(name, null), List.of()));
        assertEquals("'" + name.trim() + "' is not a repository name: write it as org/repo (letters, digits, '.', '_',"
                + " '~' and '-', without the Git host's address).",
                refusal("ACME", new Entry("acme/app", null), List.of(new Entry("acme/app", null), new Entry(name,
                        null))));
    }

    @Test
    void nestedGroupsAreRepositoriesToo() {
        assertEquals("acme/platform/web-app", MappingCheck
                .check("ACME", new Entry("acme/platform/web-app", "gitlab"), List.of()).defaultRepository()
                .repository());
    }

    @Test
    void anUnknownProviderIsRefusedNamingTheKnownOnes() {
        String expected = "'gitbub' is not a Git provider: use one of github, gitlab, bitbucket, bitbucket_data_center,"
                + " forgejo, azure_devops, or leave it out to search the providers the person uses.";
        assertEquals(expected, refusal("ACME", new Entry("acme/app", "gitbub"), List.of()));
        assertEquals(expected, refusal("ACME", new Entry("acme/app", null), List.of(new Entry("acme/app", "gitbub"))));
    }

    @Test
    void aRepositoryIsListedOnceWithOneProvider() {
        assertEquals("ACME/APP is on the allowed list twice: name each repository once.",
                refusal("ACME", new Entry("acme/app", null),
                        List.of(new Entry("acme/app", null), new Entry("ACME/APP", null))));
        assertEquals("acme/app is on github as the default and on gitlab on the allowed list: give it one provider.",
                refusal("ACME", new Entry("acme/app", "github"), List.of(new Entry("acme/app", "gitlab"))));
        assertEquals("Each of 'allowedRepositories' needs a 'repository', as org/repo.",
                refusal("ACME", new Entry("acme/app", null), java.util.Arrays.asList(new Entry("acme/app", null),
                        null)));
    }

    @Test
    void theListHasALimit() {
        List<Entry> many = new ArrayList<>();
        for (int i = 0; i <= MappingCheck.MOST_ALLOWED; i++) {
            many.add(new Entry("acme/r" + i, null));
        }
        assertEquals("A project allows at most 100 repositories; this list has 101. Leave 'allowedRepositories' empty"
                + " to allow any repository.", refusal("ACME", new Entry("acme/r0", null), many));
        assertEquals(100, MappingCheck.check("ACME", new Entry("acme/r0", null), many.subList(0, 100)).allowed()
                .size());
    }

    @Test
    void aStoredEntryComparesWithoutCase() {
        assertTrue(new AllowedRepository("Acme/App", Optional.of(GitProvider.GITHUB)).is("acme/app"));
    }
}
