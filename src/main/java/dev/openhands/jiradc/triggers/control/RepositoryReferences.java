package dev.openhands.jiradc.triggers.control;

import dev.openhands.jiradc.jira.entity.JiraIssue.JiraComment;
import dev.openhands.jiradc.projects.entity.RepositoryName;
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
 * GitHub, GitLab or Bitbucket Data Center, {@code .git}, trailing punctuation), and decides which one a
 * job may run in.
 */
public final class RepositoryReferences {

    /** Where a repository was named: only these may decide where a person's job runs with their Git access. */
    public enum Source {
        REQUEST("your request"), OWN_COMMENT("your earlier comment"), DESCRIPTION("the issue's description"),
        /** Another person's comment, naming a repository the project's mapping allows ({@link ProjectRules}). */
        OTHERS_COMMENT("another person's comment"),
        /** Named nowhere: the project's default ({@link ProjectRules}); the bot says which project's. */
        PROJECT_DEFAULT("the project's default repository");

        private final String words;

        Source(String words) {
            this.words = words;
        }

        /** As the bot says it: "named in ...". */
        public String words() {
            return words;
        }
    }

    /**
     * What the issue says: one repository, several at the same level, one only someone else named, or none; and, under
     * a project's mapping ({@link ProjectRules}), one the project does not allow.
     */
    public sealed interface Choice {

        /** @param address the URL it was written as, which may name its Git host */
        record Found(String repository, Optional<URI> address, Source source) implements Choice {
        }

        record Ambiguous(List<String> repositories) implements Choice {
        }

        /** Only another person's comment names it: not used unless the requester names it too. */
        record NamedByOthers(String repository, String namedBy) implements Choice {
        }

        record Missing() implements Choice {
        }

        /**
         * Named, but not on the project's allowed list: no job runs there.
         *
         * @param source where it was named
         * @param namedBy who named it, when it was another person ({@link Source#OTHERS_COMMENT})
         * @param allowed the repositories the project allows, in the admin's order
         */
        record NotAllowed(String repository, Source source, Optional<String> namedBy, String projectKey,
                List<String> allowed)
                implements
                    Choice {

            public NotAllowed {
                allowed = List.copyOf(allowed);
            }
        }
    }

    /** A repository as a line names it, and the address it was written as. */
    record Named(String repository, Optional<URI> address) {

        Named(String repository) {
            this(repository, Optional.empty());
        }
    }

    private static final Pattern LINE = Pattern.compile("^[\\s*_>#-]*repository[\\s*_]*:[\\s*_]*(.+)$",
            Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
    private static final Pattern WIKI_LINK = Pattern.compile("^\\[([^|\\]]*)(?:\\|([^\\]]*))?]");
    private static final Pattern SSH = Pattern.compile("^[\\w.-]+@[\\w.-]+:(.+)$");
    private static final Set<String> PATH_ENDS = Set.of("-", "tree", "blob", "pull", "pulls", "merge_requests",
            "issues",
            "commits", "commit", "src", "browse", "wiki", "actions", "branches");

    private RepositoryReferences() {
    }

    /**
     * The repository a job runs in: named in the request, else in the requester's own newest comment that names one,
     * else in the description. A line in someone else's comment is never taken on its own: it could point a
     * colleague's job, and their Git credentials, at a repository of the writer's choosing.
     *
     * @param request the trigger comment's text, empty when the label was added
     * @param earlierOldestFirst the issue's comments by people before the trigger, oldest first
     */
    public static Choice choose(String description, String request, List<JiraComment> earlierOldestFirst,
            String requesterKey) {
        Optional<Choice> chosen = choice(namedIn(request), Source.REQUEST);
        for (int i = earlierOldestFirst.size() - 1; i >= 0 && chosen.isEmpty(); i--) {
            JiraComment comment = earlierOldestFirst.get(i);
            if (comment.author().key().equals(requesterKey)) {
                chosen = choice(namedIn(comment.body()), Source.OWN_COMMENT);
            }
        }
        return chosen.or(() -> choice(namedIn(description == null ? "" : description), Source.DESCRIPTION))
                .or(() -> namedByOthers(earlierOldestFirst, requesterKey))
                .orElse(new Choice.Missing());
    }

    private static Optional<Choice> choice(List<Named> found, Source source) {
        if (found.isEmpty()) {
            return Optional.empty();
        }
        return Optional
                .of(found.size() == 1 ? new Choice.Found(found.get(0).repository(), found.get(0).address(), source)
                        : new Choice.Ambiguous(found.stream().map(Named::repository).toList()));
    }

    private static Optional<Choice> namedByOthers(List<JiraComment> earlierOldestFirst, String requesterKey) {
        for (int i = earlierOldestFirst.size() - 1; i >= 0; i--) {
            JiraComment comment = earlierOldestFirst.get(i);
            List<Named> found = comment.author().key().equals(requesterKey) ? List.of() : namedIn(comment.body());
            if (!found.isEmpty()) {
                return Optional.of(new Choice.NamedByOthers(found.get(0).repository(), comment.author().displayName()));
            }
        }
        return Optional.empty();
    }

    /** The distinct repositories named on {@code Repository:} lines, in order (same repository in other case: once). */
    public static List<String> referencesIn(String text) {
        return namedIn(text).stream().map(Named::repository).toList();
    }

    private static List<Named> namedIn(String text) {
        Set<String> seen = new LinkedHashSet<>();
        List<Named> found = new ArrayList<>();
        Matcher line = LINE.matcher(text);
        while (line.find()) {
            parse(line.group(1).trim()).filter(named -> seen.add(named.repository().toLowerCase(Locale.ROOT)))
                    .ifPresent(found::add);
        }
        return found;
    }

    static Optional<Named> parse(String value) {
        String text = value.replaceAll("^[*_{}\"'`(<]+", "");
        Matcher link = WIKI_LINK.matcher(text);
        if (link.find()) {
            Optional<Named> label = parse(link.group(1));
            Optional<Named> target = link.group(2) == null ? Optional.empty() : parse(link.group(2));
            // [acme/app|https://github.com/acme/app]: the label names it, the link also says where it is
            return label.isEmpty() ? target
                    : target.filter(found -> found.repository().equalsIgnoreCase(label.get().repository()))
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
        return slug(token).map(Named::new);
    }

    private static Optional<Named> fromUrl(String url) {
        URI address;
        try {
            address = URI.create(url.replaceAll("[)>.,;:!?*_'\"`]+$", ""));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.ofNullable(address.getPath()).flatMap(RepositoryReferences::repositoryInPath)
                .map(repository -> new Named(repository, Optional.of(address)));
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
        return Optional.of(cleaned).filter(RepositoryName::isValid);
    }
}
