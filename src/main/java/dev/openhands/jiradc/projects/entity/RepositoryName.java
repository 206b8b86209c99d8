package dev.openhands.jiradc.projects.entity;

import java.util.regex.Pattern;

/**
 * A repository as {@code org/repo} (or {@code group/sub/repo}): the shape a {@code Repository:} line names and a
 * project mapping stores. Compared without regard to case, as Git hosts and OpenHands' search compare them.
 */
public final class RepositoryName {

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_.~-]+");

    private RepositoryName() {
    }

    /** @return whether the text is {@code org/repo}: two or more segments of letters, digits and {@code _.~-} */
    public static boolean isValid(String candidate) {
        if (candidate == null) {
            return false;
        }
        String[] parts = candidate.split("/", -1);
        if (parts.length < 2) {
            return false;
        }
        for (String part : parts) {
            if (!SEGMENT.matcher(part).matches() || part.equals(".") || part.equals("..")) {
                return false;
            }
        }
        return true;
    }

    public static boolean same(String one, String other) {
        return one.equalsIgnoreCase(other);
    }
}
