package dev.openhands.jiradc.triggers.control;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the repository an issue names: a line starting with {@code Repository:} followed by
 * {@code org/repo}, written however people write it in Jira (any case, bold, wiki links, URLs of
 * GitHub, GitLab or Bitbucket Data Center, {@code .git}, trailing punctuation). The newest comment
 * that names one wins over older comments and the description.
 */
public final class RepositoryReferences {

    /** What the issue says: one repository, several at the same level, or none. */
    public sealed interface Choice {
        /** @param address the URL it was written as, which may name its Git host */
        record Found(String repository, Optional<URI> address) implements Choice {

            public Found(String repository) {
                this(repository, Optional.empty());
            }
        }

        record Ambiguous(List<String> repositories) implements Choice {
        }

        record Missing() implements Choice {
        }
    }

    private static final Pattern LINE = Pattern.compile("^[\\s*_>#-]*repository[\\s*_]*:[\\s*_]*(.+)$",
            Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
    private static final Pattern WIKI_LINK = Pattern.compile("^\\[([^|\\]]*)(?:\\|([^\\]]*))?]");
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_.~-]+");
    private static final Pattern SSH = Pattern.compile("^[\\w.-]+@[\\w.-]+:(.+)$");
    private static final Set<String> PATH_ENDS = Set.of("-", "tree", "blob", "pull", "pulls", "merge_requests", "issues",
            "commits", "commit", "src", "browse", "wiki", "actions", "branches");

    private RepositoryReferences() {
    }

    public static Choice choose(String description, List<String> commentsOldestFirst) {
        for (int i = commentsOldestFirst.size() - 1; i >= 0; i--) {
            List<Choice.Found> found = namedIn(commentsOldestFirst.get(i));
            if (!found.isEmpty()) {
                return choice(found);
            }
        }
        return choice(namedIn(description == null ? "" : description));
    }

    private static Choice choice(List<Choice.Found> found) {
        if (found.isEmpty()) {
            return new Choice.Missing();
        }
        return found.size() == 1 ? found.get(0) : new Choice.Ambiguous(found.stream().map(Choice.Found::repository).toList());
    }

    /** The distinct repositories named on {@code Repository:} lines, in order (same repository in other case: once). */
    public static List<String> referencesIn(String text) {
        return namedIn(text).stream().map(Choice.Found::repository).toList();
    }

    private static List<Choice.Found> namedIn(String text) {
        Set<String> seen = new LinkedHashSet<>();
        List<Choice.Found> found = new ArrayList<>();
        Matcher line = LINE.matcher(text);
        while (line.find()) {
            parse(line.group(1).trim()).filter(named -> seen.add(named.repository().toLowerCase(Locale.ROOT))).ifPresent(found::add);
        }
        return found;
    }

    static Optional<Choice.Found> parse(String value) {
        String text = value.replaceAll("^[*_{}\"'`(<]+", "");
        Matcher link = WIKI_LINK.matcher(text);
        if (link.find()) {
            Optional<Choice.Found> label = parse(link.group(1));
            Optional<Choice.Found> target = link.group(2) == null ? Optional.empty() : parse(link.group(2));
            // [acme/app|https://github.com/acme/app]: the label names it, the link also says where it is
            return label.isEmpty() ? target : target.filter(found -> found.repository().equalsIgnoreCase(label.get().repository()))
                    .or(() -> label);
        }
        String token = text.split("[\\s|\\]]+")[0];
        if (token.contains("://")) {
            return fromUrl(token);
        }
        Matcher ssh = SSH.matcher(token);
        if (ssh.matches()) {
            // git@host:org/repo.git names its host as a URL would
            return fromUrl("ssh://" + token.substring(0, ssh.start(1) - 1) + "/" + ssh.group(1));
        }
        return slug(token).map(Choice.Found::new);
    }

    private static Optional<Choice.Found> fromUrl(String url) {
        URI address;
        try {
            address = URI.create(url.replaceAll("[)>.,;:!?*_'\"`]+$", ""));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.ofNullable(address.getPath()).flatMap(RepositoryReferences::repositoryInPath)
                .map(repository -> new Choice.Found(repository, Optional.of(address)));
    }

    private static Optional<String> repositoryInPath(String path) {
        List<String> segments = new ArrayList<>(Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList());
        int projects = segments.indexOf("projects");
        if (projects >= 0 && segments.size() > projects + 3 && segments.get(projects + 2).equals("repos")) {
            // Bitbucket Data Center: /projects/KEY/repos/slug/browse
            return slug(segments.get(projects + 1) + "/" + segments.get(projects + 3));
        }
        int end = 0;
        while (end < segments.size() && !PATH_ENDS.contains(segments.get(end))) {
            end++;
        }
        return slug(String.join("/", segments.subList(0, end)));
    }

    /** {@code org/repo} (or {@code group/sub/repo}), without {@code .git} or trailing punctuation. */
    private static Optional<String> slug(String candidate) {
        String cleaned = candidate.replaceAll("[)>,;:!?*_'\"`}\\]]+$", "").replaceAll("\\.+$", "")
                .replaceAll("(?i)\\.git$", "").replaceAll("/+$", "");
        String[] parts = cleaned.split("/");
        if (parts.length < 2) {
            return Optional.empty();
        }
        for (String part : parts) {
            if (!SEGMENT.matcher(part).matches() || part.equals(".") || part.equals("..")) {
                return Optional.empty();
            }
        }
        return Optional.of(cleaned);
    }
}
