package dev.openhands.jiradc.jobs.control;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * Links to the pull requests a conversation opened, in Jira wiki markup. OpenHands reports only their
 * numbers, so the address comes from the Git provider's public host, or from the configured template
 * ({@code jira-dc.jobs.pull-request-url}) for a self-hosted Git server; without either, the number is named.
 */
public final class PullRequestLinks {

    private static final Map<String, String> PUBLIC_HOSTS = Map.of(
            "github", "https://github.com/{repository}/pull/{number}",
            "gitlab", "https://gitlab.com/{repository}/-/merge_requests/{number}",
            "bitbucket", "https://bitbucket.org/{repository}/pull-requests/{number}");

    private static final Pattern PULL_REQUEST_URL = Pattern.compile(
            "https?://[^\\s()\\[\\]<>|\"'`]+/(?:pull|pulls|merge_requests|pull-requests)/\\d+");

    private PullRequestLinks() {
    }

    /** Links to the repository's pull requests that the agent wrote in its closing words, each once. */
    public static List<String> mentionedIn(String text, String repository) {
        String path = "/" + repository.toLowerCase(Locale.ROOT) + "/";
        return PULL_REQUEST_URL.matcher(text).results().map(MatchResult::group)
                .filter(url -> url.toLowerCase(Locale.ROOT).contains(path)).distinct()
                .map(url -> "[pull request #" + url.substring(url.lastIndexOf('/') + 1) + "|" + url + "]").toList();
    }

    public static List<String> of(List<Integer> numbers, String repository, Optional<String> gitProvider,
            Optional<String> template) {
        Optional<String> url = template.or(() -> gitProvider.map(PUBLIC_HOSTS::get));
        return numbers.stream().map(number -> url
                .map(pattern -> "[pull request #" + number + "|" + pattern.replace("{repository}", repository)
                        .replace("{number}", String.valueOf(number)) + "]")
                .orElse("pull request #" + number + " in " + repository)).toList();
    }
}
