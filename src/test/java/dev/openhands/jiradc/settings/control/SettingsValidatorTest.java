package dev.openhands.jiradc.settings.control;

import static org.junit.jupiter.api.Assertions.*;

import dev.openhands.jiradc.settings.entity.GitProvider;
import dev.openhands.jiradc.settings.entity.IntegrationSettings;
import dev.openhands.jiradc.settings.entity.LinkingMethod;
import dev.openhands.jiradc.settings.entity.SettingsProblem;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SettingsValidatorTest {

    static final String PAT = "NjM0MTk2OTY0NjQ5OrYyb3Ss+secret-pat";
    static final String CLIENT_SECRET = "f9a8b7c6d5e4-client-secret";
    static final String KEY = "q83vEjRWeJC0zO/l0xEKXGh6jD5ARxJ0xgvVhhqZ3Zk=";
    static final String SERVICE_KEY = "automations-service-key-7f3a";
    static final String ORG = "3FA85F64-5717-4562-B3FC-2C963F66AFA6";

    final Map<String, String> config = new HashMap<>(Map.ofEntries(
            Map.entry("jira-dc.enabled", "true"),
            Map.entry("jira-dc.service-account.email", "openhands-bot@company.com"),
            Map.entry("jira-dc.service-account.pat", PAT),
            Map.entry("jira-dc.base-url", "https://jira.example.com/"),
            Map.entry("jira-dc.oauth.client-id", "client-1"),
            Map.entry("jira-dc.oauth.client-secret", CLIENT_SECRET),
            Map.entry("openhands.app-url", "https://app.openhands.example.com"),
            Map.entry("secrets.key", KEY),
            Map.entry("oidc.provider-uri", "https://login.example.com/realms/openhands"),
            Map.entry("oidc.client-id", "openhands-jira-dc"),
            Map.entry("oidc.client-secret", CLIENT_SECRET)));

    IntegrationSettings validate() {
        return SettingsValidator.validate(key -> Optional.ofNullable(config.get(key)));
    }

    SettingsProblem onlyProblem(IntegrationSettings settings) {
        assertEquals(1, settings.problems().size(), () -> "problems: " + settings.problems());
        SettingsProblem problem = settings.problems().get(0);
        for (String secret : new String[]{PAT, CLIENT_SECRET, KEY, SERVICE_KEY}) {
            assertFalse(problem.message().contains(secret), "a secret value appears in: " + problem);
        }
        return problem;
    }

    @Test
    void completeConfigurationIsValid() {
        IntegrationSettings settings = validate();
        assertFalse(settings.misconfigured(), () -> settings.problems().toString());
        assertTrue(settings.enabled());
        assertEquals(LinkingMethod.OAUTH, settings.linkingMethod());
        assertEquals(URI.create("https://jira.example.com"), settings.jiraBaseUrl().orElseThrow(),
                "trailing slash dropped");
        assertEquals(settings.appUrl(), settings.apiUrl(), "the API URL defaults to the app URL");
        assertEquals(settings.appUrl(), settings.webUrl(), "OpenHands' web app defaults to the app URL");
        assertEquals("@openhands", settings.mention());
        assertEquals("https://app.openhands.example.com/integration/jira-dc/callback",
                settings.oauthCallbackUrl().orElseThrow());
        assertEquals(PAT, settings.serviceAccountPat().orElseThrow().reveal());
        assertFalse(settings.toString().contains(PAT), "secrets are masked in toString");
        assertFalse(settings.toString().contains(CLIENT_SECRET));
    }

    @Test
    void baseUrlWithoutSchemeNamesTheKeyAndShowsAnExample() {
        config.put("jira-dc.base-url", "jira.example.com");
        SettingsProblem problem = onlyProblem(validate());
        assertEquals("jira-dc.base-url", problem.key());
        assertTrue(problem.message().contains("must include the scheme"), problem.message());
        assertTrue(problem.message().contains("https://jira.example.com"), problem.message());
    }

    @Test
    void hostWithPortButNoSchemeIsAlsoMissingTheScheme() {
        config.put("jira-dc.base-url", "jira.example.com:8443");
        assertTrue(onlyProblem(validate()).message().contains("must include the scheme"));
    }

    @Test
    void otherSchemesAreRefused() {
        config.put("jira-dc.base-url", "ftp://jira.example.com");
        assertTrue(onlyProblem(validate()).message().contains("must start with https://"));
    }

    @Test
    void credentialsInAUrlAreRefusedWithoutRepeatingThem() {
        config.put("jira-dc.base-url", "https://admin:hunter2@jira.example.com");
        SettingsProblem problem = onlyProblem(validate());
        assertTrue(problem.message().contains("must not contain a user name or password"));
        assertFalse(problem.message().contains("hunter2"));
    }

    @Test
    void queryInBaseUrlIsRefused() {
        config.put("jira-dc.base-url", "https://jira.example.com/?os_authType=basic");
        assertTrue(onlyProblem(validate()).message().contains("base address only"));
    }

    @Test
    void baseUrlMayHaveAContextPath() {
        config.put("jira-dc.base-url", "https://intranet.example.com/jira/");
        assertEquals(URI.create("https://intranet.example.com/jira"), validate().jiraBaseUrl().orElseThrow());
    }

    @Test
    void everyRequiredValueMissingIsOneProblemEach() {
        config.keySet().retainAll(java.util.Set.of("jira-dc.enabled", "secrets.key"));
        IntegrationSettings settings = validate();
        assertEquals(
                java.util.List.of("jira-dc.service-account.email", "jira-dc.service-account.pat", "jira-dc.base-url",
                        "openhands.app-url", "jira-dc.oauth.client-id", "jira-dc.oauth.client-secret",
                        "oidc.provider-uri", "oidc.client-id", "oidc.client-secret"),
                settings.problems().stream().map(SettingsProblem::key).toList());
        assertTrue(settings.problems().get(0).message().startsWith("is required when jira-dc.enabled=true"));
    }

    @Test
    void emailLinkingNeedsNoOAuthClient() {
        config.put("jira-dc.linking-method", "Email");
        config.remove("jira-dc.oauth.client-id");
        config.remove("jira-dc.oauth.client-secret");
        IntegrationSettings settings = validate();
        assertFalse(settings.misconfigured(), () -> settings.problems().toString());
        assertEquals(LinkingMethod.EMAIL, settings.linkingMethod());
    }

    @Test
    void unknownLinkingMethodIsAProblem() {
        config.put("jira-dc.linking-method", "saml");
        SettingsProblem problem = onlyProblem(validate());
        assertEquals("jira-dc.linking-method", problem.key());
        assertTrue(problem.message().contains("oauth (recommended) or email"));
    }

    @Test
    void disabledIntegrationNeedsNothingButTheSecretsKey() {
        config.keySet().retainAll(java.util.Set.of("secrets.key"));
        IntegrationSettings settings = validate();
        assertFalse(settings.misconfigured(), () -> settings.problems().toString());
        assertFalse(settings.enabled());
    }

    @Test
    void notABooleanIsAProblem() {
        config.put("jira-dc.enabled", "yes");
        SettingsProblem problem = validate().problems().get(0);
        assertEquals("jira-dc.enabled", problem.key());
        assertTrue(problem.message().contains("true or false"));
    }

    @Test
    void secretsKeyIsRequiredOutsideDevMode() {
        config.remove("secrets.key");
        SettingsProblem problem = onlyProblem(validate());
        assertEquals("secrets.key", problem.key());
        assertTrue(problem.message().contains("openssl rand -base64 32"));
    }

    @Test
    void devModeRunsWithoutSecretsKey() {
        config.remove("secrets.key");
        config.put("service.dev-mode", "true");
        IntegrationSettings settings = validate();
        assertFalse(settings.misconfigured(), () -> settings.problems().toString());
        assertTrue(settings.secretsKey().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"not base64 !!", "c2hvcnQ="})
    void badSecretsKeyIsAProblemThatDoesNotShowTheKey(String key) {
        config.put("secrets.key", key);
        SettingsProblem problem = onlyProblem(validate());
        assertEquals("secrets.key", problem.key());
        assertFalse(problem.message().contains(key));
    }

    @Test
    void badEmailIsAProblem() {
        config.put("jira-dc.service-account.email", "openhands-bot");
        assertEquals("jira-dc.service-account.email", onlyProblem(validate()).key());
    }

    @Test
    void labelWithSpacesIsAProblem() {
        config.put("jira-dc.trigger.label", "open hands");
        assertEquals("jira-dc.trigger.label", onlyProblem(validate()).key());
    }

    @Test
    void customLabelChangesTheMention() {
        config.put("jira-dc.trigger.label", "ai-agent");
        assertEquals("@ai-agent", validate().mention());
    }

    @Test
    void separateApiUrlIsValidatedToo() {
        config.put("openhands.api-url", "api.openhands.example.com");
        assertEquals("openhands.api-url", onlyProblem(validate()).key());
    }

    @Test
    void openHandsWebAppMayLiveApartFromThisService() {
        config.put("openhands.web-url", "https://openhands.example.com/");
        IntegrationSettings settings = validate();
        assertEquals(URI.create("https://openhands.example.com"), settings.webUrl().orElseThrow());
        assertEquals(URI.create("https://app.openhands.example.com"), settings.appUrl().orElseThrow());

        config.put("openhands.web-url", "openhands.example.com");
        assertEquals("openhands.web-url", onlyProblem(validate()).key());
    }

    @Test
    void blankValuesCountAsMissing() {
        config.put("jira-dc.service-account.pat", "   ");
        assertEquals("jira-dc.service-account.pat", onlyProblem(validate()).key());
    }

    @Test
    void trustedCaAsPemTextOrFile(@TempDir Path dir) throws Exception {
        String pem = Files.readString(Path.of(getClass().getResource("/tls/test-ca.pem").toURI()));
        config.put("jira-dc.trusted-ca", pem);
        assertEquals(1, validate().trustedCertificates().size());

        config.put("jira-dc.trusted-ca", pem.replace("\n", "\\n"));
        assertEquals(1, validate().trustedCertificates().size(),
                "PEM with escaped newlines, as environment variables carry it");

        Path file = dir.resolve("ca.pem");
        Files.writeString(file, pem);
        config.put("jira-dc.trusted-ca", file.toString());
        assertEquals("CN=OpenHands Jira DC Test CA",
                validate().trustedCertificates().get(0).getSubjectX500Principal().getName());
    }

    @Test
    void unreadableTrustedCaIsAProblem() {
        config.put("jira-dc.trusted-ca", "/no/such/ca.pem");
        SettingsProblem problem = onlyProblem(validate());
        assertEquals("jira-dc.trusted-ca", problem.key());
        assertTrue(problem.message().contains("/no/such/ca.pem"));

        config.put("jira-dc.trusted-ca", "-----BEGIN CERTIFICATE-----\nnot really\n-----END CERTIFICATE-----");
        assertTrue(onlyProblem(validate()).message().contains("cannot be read"));
    }

    @Test
    void jobFollowingHasDefaultsAndTakesItsOwnValues() {
        IntegrationSettings.JobPolicy defaults = validate().jobPolicy();
        assertEquals(Duration.ofSeconds(15), defaults.pollInterval());
        assertEquals(Duration.ofMinutes(5), defaults.maxPollInterval());
        assertEquals(Duration.ofHours(2), defaults.staleAfter());
        assertEquals(Duration.ofSeconds(20), defaults.linkWait());
        assertTrue(defaults.pullRequestUrl().isEmpty());

        config.put("jira-dc.jobs.stale-after", "PT30M");
        config.put("jira-dc.jobs.pull-request-url", "https://git.example.com/{repository}/pull/{number}");
        IntegrationSettings.JobPolicy custom = validate().jobPolicy();
        assertEquals(Duration.ofMinutes(30), custom.staleAfter());
        assertEquals("https://git.example.com/{repository}/pull/{number}", custom.pullRequestUrl().orElseThrow());
    }

    @Test
    void aPullRequestTemplateWithoutItsPlaceholdersIsAProblem() {
        config.put("jira-dc.jobs.pull-request-url", "https://git.example.com/pulls");
        SettingsProblem problem = onlyProblem(validate());
        assertEquals("jira-dc.jobs.pull-request-url", problem.key());
        assertTrue(problem.message().contains("{repository} and {number}"), problem.message());
    }

    @Test
    void pollIntervalsMustBePositiveAndInOrder() {
        config.put("jira-dc.jobs.poll-interval", "PT0S");
        assertEquals("jira-dc.jobs.poll-interval", onlyProblem(validate()).key());
        config.put("jira-dc.jobs.poll-interval", "PT1M");
        config.put("jira-dc.jobs.max-poll-interval", "PT10S");
        assertEquals("jira-dc.jobs.max-poll-interval", onlyProblem(validate()).key());
    }

    @Test
    void withoutAServiceKeyPeoplePasteTheirOwnApiKeys() {
        IntegrationSettings settings = validate();
        assertFalse(settings.managesApiKeys());
        assertEquals("sub", settings.signIn().userIdClaim(),
                "the OpenHands user id is the sign-in's subject by default");
    }

    @Test
    void aServiceKeyWithItsOrganisationManagesApiKeys() {
        config.put("openhands.service-api-key", SERVICE_KEY);
        config.put("openhands.org-id", ORG);
        config.put("openhands.user-id-claim", "openhands_user_id");
        IntegrationSettings settings = validate();
        assertFalse(settings.misconfigured(), () -> settings.problems().toString());
        assertTrue(settings.managesApiKeys());
        assertEquals(SERVICE_KEY, settings.serviceKey().orElseThrow().apiKey().reveal());
        assertEquals("3fa85f64-5717-4562-b3fc-2c963f66afa6", settings.serviceKey().orElseThrow().orgId(),
                "written as OpenHands writes it");
        assertEquals("openhands_user_id", settings.signIn().userIdClaim());
        assertFalse(settings.toString().contains(SERVICE_KEY), "the service key is never shown");
    }

    @Test
    void aServiceKeyWithoutItsOrganisationIsAProblem() {
        config.put("openhands.service-api-key", SERVICE_KEY);
        SettingsProblem problem = onlyProblem(validate());
        assertEquals("openhands.org-id", problem.key());
        assertTrue(problem.message().contains("is required when openhands.service-api-key is set"), problem.message());
        assertTrue(problem.message().contains("or set neither"), problem.message());
        assertFalse(validate().managesApiKeys());
    }

    @Test
    void anOrganisationWithoutTheServiceKeyIsAProblem() {
        config.put("openhands.org-id", ORG);
        SettingsProblem problem = onlyProblem(validate());
        assertEquals("openhands.service-api-key", problem.key());
        assertTrue(problem.message().contains("AUTOMATIONS_SERVICE_KEY"), problem.message());
        assertFalse(validate().managesApiKeys());
    }

    @Test
    void anOrganisationIdThatIsNotAUuidIsAProblem() {
        config.put("openhands.service-api-key", SERVICE_KEY);
        config.put("openhands.org-id", "acme");
        SettingsProblem problem = onlyProblem(validate());
        assertEquals("openhands.org-id", problem.key());
        assertTrue(problem.message().contains("a UUID such as") && problem.message().contains("'acme'"),
                problem.message());
        assertFalse(validate().managesApiKeys());
    }

    @Test
    void aBlankServiceKeyCountsAsMissing() {
        config.put("openhands.service-api-key", "  ");
        config.put("openhands.org-id", ORG);
        assertEquals("openhands.service-api-key", onlyProblem(validate()).key());
    }

    @Test
    void selfHostedGitHostsMapToOpenHandsProviders() {
        config.put("openhands.git-hosts", "Git.Acme.com=gitlab, bitbucket.acme.com = bitbucket_data_center");
        IntegrationSettings settings = validate();
        assertFalse(settings.misconfigured(), () -> settings.problems().toString());
        assertEquals(
                Map.of("git.acme.com", GitProvider.GITLAB, "bitbucket.acme.com", GitProvider.BITBUCKET_DATA_CENTER),
                settings.gitHosts());
        assertEquals(Map.of(), SettingsValidator.validate(key -> Optional.empty()).gitHosts(), "none by default");
    }

    @ParameterizedTest
    @ValueSource(strings = {"git.acme.com", "git.acme.com=gitea", "=gitlab", "https://git.acme.com/=gitlab"})
    void aGitHostWithoutAKnownProviderIsAProblemThatListsThem(String hosts) {
        config.put("openhands.git-hosts", hosts);
        SettingsProblem problem = onlyProblem(validate());
        assertEquals("openhands.git-hosts", problem.key());
        assertTrue(
                problem.message().contains("github, gitlab, bitbucket, bitbucket_data_center, forgejo, azure_devops"),
                problem.message());
    }
}
