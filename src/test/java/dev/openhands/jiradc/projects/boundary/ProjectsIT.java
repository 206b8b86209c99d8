package dev.openhands.jiradc.projects.boundary;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.junit.jupiter.api.Assertions.*;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.openhands.jiradc.testing.Http;
import dev.openhands.jiradc.testing.ServiceUrls;
import dev.openhands.jiradc.testing.TestEnvironment;
import dev.openhands.jiradc.testing.browser.HeadlessChromium;
import dev.openhands.jiradc.testing.identity.IdentityProvider;
import dev.openhands.jiradc.testing.jira.JiraScenario;
import dev.openhands.jiradc.testing.jira.JiraScenario.Issue;
import dev.openhands.jiradc.testing.jira.JiraScenario.Person;
import dev.openhands.jiradc.testing.openhands.OpenHandsConversations;
import dev.openhands.jiradc.testing.server.Leaks;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Repositories per Jira project (issue 21), on the real WAR with WireMock playing Jira and OpenHands: an admin maps a
 * project to its default and allowed repositories, and a trigger on the project's issues follows the mapping. Each
 * test maps a project of its own, so that none sees another's mapping.
 */
@ExtendWith(ArquillianExtension.class)
class ProjectsIT {

    static final TestEnvironment ENV = TestEnvironment.start();
    static final WireMockServer OPENHANDS = ENV.openHands;
    static final String APP = ENV.openHandsUrl();
    static final String PROJECTS = "/api/integrations/jira-dc/projects";

    @ArquillianResource
    URL service;

    JiraScenario world;

    @Deployment(testable = false)
    static WebArchive deployment() {
        JiraScenario.jiraTakesComments(ENV);
        return ENV.deployment().war();
    }

    @AfterAll
    static void stop() {
        try {
            Leaks.assertNotStoredOrLogged(ENV.database, JiraScenario.secretsHandedOut(ENV));
        } finally {
            ENV.stop();
        }
    }

    @BeforeEach
    void anActiveConnection() {
        world = JiraScenario.on(ENV, service);
    }

    /** A project key of this test's own. */
    static String project() {
        return "P" + JiraScenario.nextId();
    }

    /** The admin maps the project: the answer is 200 with the mapping. */
    JsonObject map(String projectKey, String json) {
        HttpResponse<String> saved = world.admin.putJson(PROJECTS + "/" + projectKey, json);
        assertEquals(200, saved.statusCode(), saved.body());
        return Http.json(saved);
    }

    /** Only acme/app and acme/lib, acme/app the default. */
    JsonObject mapAppAndLib(String projectKey) {
        return map(projectKey, "{\"defaultRepository\":\"acme/app\",\"allowedRepositories\":[{\"repository\":"
                + "\"acme/app\"},{\"repository\":\"acme/lib\"}]}");
    }

    static String onIt(Person person, String repository, String where) {
        return "[~" + person.name + "] I'm on it in " + repository + " (" + where + "): [follow the conversation in"
                + " OpenHands|" + APP + "/conversations/" + OpenHandsConversations.id("conv-" + person.id) + "].";
    }

    static String notAllowed(Person person, String projectKey, String repository, String namedIn) {
        return "[~" + person.name + "] Jobs on the " + projectKey + " project run only in acme/app, acme/lib. The"
                + " repository " + repository + " (named in " + namedIn + ") is not one of them, so I did not start a"
                + " job. To work in one of them, ask again naming it:\n{noformat}\n@openhands\nRepository: acme/app\n"
                + "{noformat}\nTo work in " + repository + ", ask an administrator of OpenHands for Jira to add it to"
                + " the " + projectKey + " project's repositories.";
    }

    static List<JsonObject> startsWith(Person person) {
        return OPENHANDS.findAll(postRequestedFor(urlEqualTo("/api/v1/app-conversations"))
                .withHeader("Authorization", equalTo("Bearer " + person.apiKey))).stream()
                .map(request -> Json.createReader(new StringReader(request.getBodyAsString())).readObject()).toList();
    }

    static List<String> providersSearchedWith(Person person) {
        return OPENHANDS.findAll(getRequestedFor(urlPathEqualTo("/api/v1/git/repositories/search"))
                .withHeader("Authorization", equalTo("Bearer " + person.apiKey))).stream()
                .map(request -> request.queryParameter("provider").firstValue()).toList();
    }

    // ---------------------------------------------------------------- triggers under a mapping

    @Test
    void anIssueNamingNoRepositoryRunsInTheProjectsDefaultAndISayItIsTheDefault() {
        String key = project();
        map(key, "{\"defaultRepository\":\"acme/app\"}");
        Person alice = world.person().ready("acme/app");
        world.startsConversation(alice, "acme/app");
        Issue issue = world.issueIn(key, "The login fails");
        world.deliver(alice.asks(issue.comment(JiraScenario.nextId(), "@openhands please fix this")));

        assertEquals(onIt(alice, "acme/app", "the " + key + " project's default repository"), world.commentOn(issue));
        List<JsonObject> starts = startsWith(alice);
        assertEquals(1, starts.size());
        assertEquals("acme/app", starts.get(0).getString("selected_repository"));
        assertEquals("github", starts.get(0).getString("git_provider"));
        assertTrue(starts.get(0).getJsonObject("initial_message").getJsonArray("content").getJsonObject(0)
                .getString("text").contains("Work in the repository acme/app on a new branch named " + issue.key));
    }

    @Test
    void aRepositoryOutsideTheAllowedListIsRefusedNamingTheAllowedOnes() {
        String key = project();
        mapAppAndLib(key);
        Person bea = world.person().ready("acme/other");
        Issue issue = world.issueIn(key, "Repository: acme/other");
        world.deliver(bea.asks(issue.comment(JiraScenario.nextId(), "@openhands")));

        assertEquals(notAllowed(bea, key, "acme/other", "the issue's description"), world.commentOn(issue));
        assertEquals("acme/other is not one of the " + key + " project's repositories",
                world.deliveryLogLine(issue, "trigger").getString("result"));
        assertEquals(List.of(), startsWith(bea), "no job, though Bea's Git account reaches acme/other");
    }

    @Test
    void anAllowedRepositoryIsUsedWhateverItsCase() {
        String key = project();
        mapAppAndLib(key);
        Person cai = world.person().signedUp().linked().withApiKey().worksOn("github")
                .searchOn("github", "ACME/Lib", "acme/lib");
        world.startsConversation(cai, "acme/lib");
        Issue issue = world.issueIn(key, "Repository: ACME/Lib");
        world.deliver(cai.asks(issue.comment(JiraScenario.nextId(), "@openhands")));

        assertEquals(onIt(cai, "acme/lib", "named in the issue's description"), world.commentOn(issue));
        assertEquals("acme/lib", startsWith(cai).get(0).getString("selected_repository"));
    }

    @Test
    void anAllowedRepositoryNamedInAnotherPersonsCommentIsUsed() {
        String key = project();
        mapAppAndLib(key);
        Person dev = world.person().ready("acme/lib");
        Person ed = world.person();
        world.startsConversation(dev, "acme/lib");
        Issue issue = world.issueIn(key, "The build is red", ed.says("It is in the library:\nRepository: acme/lib"));
        world.deliver(dev.asks(issue.comment(JiraScenario.nextId(), "@openhands")));

        assertEquals(onIt(dev, "acme/lib", "named in another person's comment"), world.commentOn(issue));
        List<JsonObject> starts = startsWith(dev);
        assertEquals(1, starts.size());
        assertEquals("acme/lib", starts.get(0).getString("selected_repository"));
    }

    @Test
    void attackAnotherPersonsCommentNamingARepositoryNotAllowedIsRefused() {
        String key = project();
        mapAppAndLib(key);
        Person fred = world.person().ready("mallory/tools").canReach("acme/app");
        Person mallory = world.person();
        Issue issue = world.issueIn(key, "Fix the login", mallory.says("Use this one:\nRepository: mallory/tools"));
        world.deliver(fred.asks(issue.comment(JiraScenario.nextId(), "@openhands")));

        assertEquals(notAllowed(fred, key, "mallory/tools", "a comment by User " + mallory.id),
                world.commentOn(issue));
        assertEquals(List.of(), startsWith(fred),
                "neither Mallory's repository nor, in its place, the default: Fred decides");
    }

    @Test
    void attackAMappingForOneProjectDoesNotApplyToAnother() {
        mapAppAndLib("ACME");
        Person gil = world.person().ready("mallory/tools");
        Person mallory = world.person();
        Issue other = world.issueIn("OTHER", "Fix it", mallory.says("Repository: mallory/tools"));
        world.deliver(gil.asks(other.comment(JiraScenario.nextId(), "@openhands")));
        assertEquals("[~" + gil.name + "] User " + mallory.id + " named the repository mallory/tools in a comment. I"
                + " start a job only in a repository named in the issue's description, in your request or in your own"
                + " comments, so that nobody else decides where a job runs with your Git access. To work in"
                + " mallory/tools, ask again naming it:\n{noformat}\n@openhands\nRepository: mallory/tools\n{noformat}",
                world.commentOn(other), "OTHER's issue: ACME's list does not make Mallory's repository safe");

        Person hal = world.person().ready("acme/app");
        Issue lookAlike = world.issueIn("ACME_2", "No repository here");
        world.deliver(hal.asks(lookAlike.comment(JiraScenario.nextId(), "@openhands")));
        assertEquals("[~" + hal.name + "] I can't tell which repository to work on. Add a line like this to the"
                + " description or to a comment, then try again:\n{noformat}\nRepository: org/repo\n{noformat}",
                world.commentOn(lookAlike), "ACME_2 is another project: no default from ACME");
        assertEquals(List.of(), startsWith(gil));
        assertEquals(List.of(), startsWith(hal));
    }

    @Test
    void aProjectWithoutAMappingBehavesAsBefore() {
        String key = project();
        Person ivy = world.person().ready("acme/web-app");
        world.startsConversation(ivy, "acme/web-app");
        Issue named = world.issueIn(key, "Repository: acme/web-app");
        world.deliver(ivy.asks(named.comment(JiraScenario.nextId(), "@openhands")));
        assertEquals(onIt(ivy, "acme/web-app", "named in the issue's description"), world.commentOn(named));

        Issue unnamed = world.issueIn(key, "No repository here");
        world.deliver(ivy.asks(unnamed.comment(JiraScenario.nextId(), "@openhands")));
        assertEquals("[~" + ivy.name + "] I can't tell which repository to work on. Add a line like this to the"
                + " description or to a comment, then try again:\n{noformat}\nRepository: org/repo\n{noformat}",
                world.commentOn(unnamed));
        assertEquals(1, startsWith(ivy).size());
    }

    @Test
    void theProviderTheAdminNamedIsTheOneSearchedWithThePersonsOwnKey() {
        String key = project();
        map(key, "{\"defaultRepository\":\"acme/app\",\"defaultProvider\":\"gitlab\"}");
        Person jan = world.person().signedUp().linked().withApiKey().worksOn("github").canReach("acme/app", "gitlab");
        world.startsConversation(jan, "acme/app");
        Issue issue = world.issueIn(key, "Fix it");
        world.deliver(jan.asks(issue.comment(JiraScenario.nextId(), "@openhands")));

        assertEquals(onIt(jan, "acme/app", "the " + key + " project's default repository"), world.commentOn(issue));
        assertEquals(List.of("gitlab"), providersSearchedWith(jan), "the mapping's provider, not Jan's usual GitHub");
        assertEquals("gitlab", startsWith(jan).get(0).getString("git_provider"));
    }

    @Test
    void theDefaultIsLookedForWithThePersonsKeyAndOneTheyCannotReachIsSaidSo() {
        String key = project();
        map(key, "{\"defaultRepository\":\"acme/secret\"}");
        Person kit = world.person().signedUp().linked().withApiKey().worksOn("github")
                .searchOn("github", "acme/secret", "acme/secret-fork");
        Issue issue = world.issueIn(key, "Fix it");
        world.deliver(kit.asks(issue.comment(JiraScenario.nextId(), "@openhands")));
        assertTrue(world.commentOn(issue).startsWith("[~" + kit.name + "] I can't find the repository acme/secret"
                + " among those your OpenHands account reaches on GitHub."), world.commentOn(issue));
        assertEquals(List.of(), startsWith(kit));
    }

    @Test
    void aChangedMappingAppliesFromTheNextTrigger() {
        String key = project();
        map(key, "{\"defaultRepository\":\"acme/app\"}");
        map(key, "{\"defaultRepository\":\"acme/lib\",\"allowedRepositories\":[{\"repository\":\"acme/lib\"}]}");
        Person lou = world.person().ready("acme/lib");
        world.startsConversation(lou, "acme/lib");
        Issue issue = world.issueIn(key, "Fix it");
        world.deliver(lou.asks(issue.comment(JiraScenario.nextId(), "@openhands")));
        assertEquals(onIt(lou, "acme/lib", "the " + key + " project's default repository"), world.commentOn(issue));
    }

    // ---------------------------------------------------------------- the admin API

    @Test
    void anAdminPutsGetsListsAndDeletesAMapping() {
        String key = project();
        JsonObject saved = map(key, "{\"defaultRepository\":\" acme/app \",\"allowedRepositories\":["
                + "{\"repository\":\"acme/lib\",\"provider\":\"gitlab\"},{\"repository\":\"acme/app\",\"provider\":"
                + "\"github\"}]}");
        String expected = "{\"projectKey\":\"" + key + "\",\"defaultRepository\":\"acme/app\",\"defaultProvider\":"
                + "\"github\",\"allowedRepositories\":[{\"repository\":\"acme/lib\",\"provider\":\"gitlab\"},"
                + "{\"repository\":\"acme/app\",\"provider\":\"github\"}],\"updatedAt\":\""
                + saved.getString("updatedAt")
                + "\"}";
        assertEquals(expected, saved.toString());
        HttpResponse<String> one = world.admin.get(PROJECTS + "/" + key);
        assertEquals(200, one.statusCode(), one.body());
        assertEquals(expected, Http.json(one).toString());
        HttpResponse<String> all = world.admin.get(PROJECTS);
        assertEquals(200, all.statusCode(), all.body());
        assertTrue(Json.createReader(new StringReader(all.body())).readArray().getValuesAs(JsonObject.class).stream()
                .anyMatch(mapping -> mapping.toString().equals(expected)), all.body());

        JsonObject replaced = map(key, "{\"defaultRepository\":\"acme/web\"}");
        assertEquals("acme/web", replaced.getString("defaultRepository"));
        assertEquals(0, replaced.getJsonArray("allowedRepositories").size(), "replaced, not merged");
        assertFalse(replaced.containsKey("defaultProvider"));

        assertEquals(204, world.admin.delete(PROJECTS + "/" + key).statusCode());
        HttpResponse<String> gone = world.admin.get(PROJECTS + "/" + key);
        assertEquals(404, gone.statusCode());
        assertEquals("No repositories are mapped to the Jira project " + key + ".",
                Http.json(gone).getString("error"));
        assertEquals(404, world.admin.delete(PROJECTS + "/" + key).statusCode());

        HttpResponse<String> audit = world.admin.get("/api/integrations/jira-dc/audit?project=" + key);
        assertEquals(200, audit.statusCode(), audit.body());
        List<String> changes = Http.json(audit).getJsonArray("records").getValuesAs(JsonObject.class).stream()
                .map(r -> r.getString("action") + " by " + r.getString("who") + ": " + r.getString("outcome"))
                .toList();
        String admin = world.admin.get("/api/integrations/jira-dc/account").body();
        String email = Json.createReader(new StringReader(admin)).readObject().getString("email");
        assertEquals(List.of("PROJECT_MAPPING_DELETED by " + email + ": default acme/web",
                "PROJECT_MAPPING_SAVED by " + email + ": default acme/web",
                "PROJECT_MAPPING_SAVED by " + email + ": default acme/app; allowed acme/lib, acme/app"), changes,
                "every change in the audit trail, newest first, by the admin who made it");
    }

    @Test
    void aMappingThatDoesNotHoldTogetherIsA400InWords() {
        assertRefused("acme", "{\"defaultRepository\":\"acme/app\"}", "'acme' is not a Jira project key: a project key"
                + " is an uppercase letter followed by uppercase letters, digits or underscores, such as ACME.");
        String key = project();
        assertRefused(key, "{\"defaultRepository\":\"acme/app\",\"allowedRepositories\":[{\"repository\":"
                + "\"acme/lib\"}]}",
                "The default repository acme/app is not on the allowed list (acme/lib): add it"
                        + " to 'allowedRepositories', or choose one of those as the default.");
        assertRefused(key, "{\"defaultRepository\":\"https://github.com/acme/app\"}", "'https://github.com/acme/app'"
                + " is not a repository name: write it as org/repo (letters, digits, '.', '_', '~' and '-', without"
                + " the Git host's address).");
        assertRefused(key, "{\"defaultRepository\":\"acme/app\",\"defaultProvider\":\"svn\"}", "'svn' is not a Git"
                + " provider: use one of github, gitlab, bitbucket, bitbucket_data_center, forgejo, azure_devops, or"
                + " leave it out to search the providers the person uses.");
        assertRefused(key, "{}", "Name the project's default repository in 'defaultRepository', as org/repo.");
        for (String garbled : List.of("{\"defaultRepository\":", "[]", "\"acme/app\"",
                "{\"defaultRepository\":\"acme/app\",\"allowedRepositories\":\"acme/app\"}")) {
            assertRefused(key, garbled, "Send the mapping as a JSON object, such as {\"defaultRepository\":"
                    + " \"org/repo\", \"allowedRepositories\": [{\"repository\": \"org/repo\", \"provider\":"
                    + " \"github\"}]}.");
        }
        assertEquals(404, world.admin.get(PROJECTS + "/" + key).statusCode(), "nothing stored");
    }

    void assertRefused(String key, String json, String error) {
        HttpResponse<String> refused = world.admin.putJson(PROJECTS + "/" + key, json);
        assertEquals(400, refused.statusCode(), refused.body());
        assertEquals(error, Http.json(refused).getString("error"));
    }

    @Test
    void attackSomeoneWhoIsNotAnAdminCannotReadOrChangeMappings() {
        String key = project();
        mapAppAndLib(key);
        Person nina = world.person().signedUp();
        for (HttpResponse<String> refused : List.of(nina.browser.get(PROJECTS), nina.browser.get(PROJECTS + "/" + key),
                nina.browser.putJson(PROJECTS + "/" + key, "{\"defaultRepository\":\"mallory/tools\"}"),
                nina.browser.delete(PROJECTS + "/" + key))) {
            assertEquals(403, refused.statusCode(), refused.body());
            assertFalse(refused.body().contains("acme/app"), refused.body());
        }
        for (String method : List.of("GET", "PUT", "DELETE")) {
            HttpResponse<String> anonymous = Http.send(HttpRequest.newBuilder(ServiceUrls.local(service, PROJECTS
                    + "/" + key)).method(method, method.equals("PUT")
                            ? HttpRequest.BodyPublishers.ofString("{\"defaultRepository\":\"mallory/tools\"}")
                            : HttpRequest.BodyPublishers.noBody())
                    .header("Content-Type", "application/json").header("X-Requested-With", "fetch").build());
            assertEquals(401, anonymous.statusCode(), method + " " + anonymous.body());
        }
        JsonObject unchanged = Http.json(world.admin.get(PROJECTS + "/" + key));
        assertEquals("acme/app", unchanged.getString("defaultRepository"));
        assertEquals(2, unchanged.getJsonArray("allowedRepositories").size());
    }

    /**
     * Admins saving a new project's mapping at the same moment, then deleting it at the same moment: every save is a
     * 200 (the one whose insert lost the race is tried again and replaces the winner's), one delete is a 200 and the
     * others a 404 in words, never a 500. A race is not deterministic: several rounds of several requests let at least
     * some of them collide; the server log says "tried again" when one did.
     */
    @Test
    void adminsSavingAndDeletingTheSameMappingAtOnceGetNoServerError() throws Exception {
        int admins = 6;
        ExecutorService threads = Executors.newFixedThreadPool(admins);
        try {
            for (int round = 0; round < 4; round++) {
                String key = project();
                List<String> defaults = IntStream.range(0, admins).mapToObj(i -> "acme/app-" + i)
                        .toList();
                List<HttpResponse<String>> saved = atOnce(threads, defaults.stream()
                        .<Callable<HttpResponse<String>>>map(repository -> () -> world.admin
                                .putJson(PROJECTS + "/" + key, "{\"defaultRepository\":\"" + repository + "\"}"))
                        .toList());
                for (HttpResponse<String> answer : saved) {
                    assertEquals(200, answer.statusCode(), answer.body());
                }
                JsonObject kept = Http.json(world.admin.get(PROJECTS + "/" + key));
                assertTrue(defaults.contains(kept.getString("defaultRepository")), kept.toString());
                HttpResponse<String> audit = world.admin.get("/api/integrations/jira-dc/audit?project=" + key);
                assertEquals(admins, Http.json(audit).getJsonArray("records").size(), "each save recorded once: "
                        + audit.body());

                List<HttpResponse<String>> deleted = atOnce(threads, Collections.nCopies(admins,
                        () -> world.admin.delete(PROJECTS + "/" + key)));
                List<Integer> statuses = deleted.stream().map(HttpResponse::statusCode).sorted().toList();
                assertEquals(1, statuses.stream().filter(status -> status < 300).count(), statuses.toString());
                for (HttpResponse<String> answer : deleted) {
                    if (answer.statusCode() >= 300) {
                        assertEquals(404, answer.statusCode(), answer.body());
                        assertTrue(answer.body().contains("No repositories are mapped to the Jira project " + key),
                                answer.body());
                    }
                }
                assertEquals(404, world.admin.get(PROJECTS + "/" + key).statusCode());
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** Sends the requests together: each waits at the gate until all are ready. */
    static List<HttpResponse<String>> atOnce(ExecutorService threads,
            List<Callable<HttpResponse<String>>> requests) throws Exception {
        CyclicBarrier gate = new CyclicBarrier(requests.size());
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (Callable<HttpResponse<String>> request : requests) {
            answers.add(threads.submit(() -> {
                gate.await(30, TimeUnit.SECONDS);
                return request.call();
            }));
        }
        List<HttpResponse<String>> got = new ArrayList<>();
        for (Future<HttpResponse<String>> answer : answers) {
            got.add(answer.get(60, TimeUnit.SECONDS));
        }
        return got;
    }

    // ---------------------------------------------------------------- the settings page

    @Test
    void anAdminAddsEditsAndDeletesAMappingOnTheSettingsPageAndOthersDoNotSeeIt() {
        String key = project();
        String id = JiraScenario.nextId();
        try (HeadlessChromium chromium = HeadlessChromium.open(service)) {
            chromium.signIn(ENV.idp, "admin-" + id, "admin-" + id + "@example.com",
                    List.of(IdentityProvider.ADMIN_GROUP));
            chromium.visible("projects");
            chromium.visible("project-key").sendKeys(key);
            chromium.visible("project-default").sendKeys("acme/app");
            new Select(chromium.visible("project-provider")).selectByValue("gitlab");
            chromium.visible("project-allowed").sendKeys("acme/app\nacme/lib github\n");
            chromium.visible("save-project").click();
            chromium.textContaining("project-result", "Saved: " + key + " applies from the next trigger");
            String row = "#project-mappings tr[data-project='" + key + "']";
            assertEquals(List.of(key, "acme/app (gitlab)", "acme/app (gitlab), acme/lib (github)"),
                    chromium.until(d -> d.findElements(By.cssSelector(row + " td")).stream().limit(3)
                            .map(WebElement::getText).toList()));
            JsonObject stored = Http.json(world.admin.get(PROJECTS + "/" + key));
            assertEquals("gitlab", stored.getString("defaultProvider"));
            assertEquals("github", stored.getJsonArray("allowedRepositories").getJsonObject(1).getString("provider"));

            // a mapping that does not hold together: the service's words next to the form
            chromium.driver.findElement(By.cssSelector(row + " button[aria-label='Edit " + key + "']")).click();
            assertEquals("acme/app gitlab\nacme/lib github",
                    chromium.visible("project-allowed").getDomProperty("value"));
            chromium.screenshot("projects", "admin-projects");
            chromium.visible("project-allowed").clear();
            chromium.visible("project-allowed").sendKeys("acme/lib");
            chromium.visible("save-project").click();
            chromium.textContaining("project-result", "The default repository acme/app is not on the allowed list");
            chromium.screenshot("projects", "admin-projects-refused");

            chromium.driver.findElement(By.cssSelector(row + " button[aria-label='Delete " + key + "']")).click();
            chromium.textContaining("project-result", "Deleted: " + key);
            chromium.until(d -> d.findElements(By.cssSelector(row)).isEmpty());
            assertEquals(404, world.admin.get(PROJECTS + "/" + key).statusCode());
        }
        try (HeadlessChromium chromium = HeadlessChromium.open(service)) {
            chromium.signIn(ENV.idp, "dev-" + id, "dev-" + id + "@example.com", List.of());
            chromium.visible("api-key-form");
            assertFalse(chromium.driver.findElement(By.id("projects")).isDisplayed(), "admins only");
        }
    }
}
