package dev.openhands.jiradc.jira.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Jira wiki markup as Jira's parsers would, where it matters for injection, and lists what would come out as more
 * than text: {@code mention}, {@code link <target>}, {@code image}, {@code macro <name>} for each tag, and
 * {@code autolink} for a bare address Jira would link by itself. Where Jira's exact behaviour is unknown it reads the
 * worse way: a macro's body ends at the first closing tag of its name in any case, even inside another macro's body.
 */
final class WikiConstructs {

    private static final Pattern MACRO = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_-]*)(?::[^}\\n]*)?}");
    /** Macros whose body Jira shows as it is; the body of any other is read as markup. */
    private static final Set<String> RAW = Set.of("code", "noformat");
    private static final Pattern IMAGE = Pattern.compile("!(\\S[^!\\n]*)!");

    private WikiConstructs() {
    }

    static List<String> in(String wiki) {
        List<String> found = new ArrayList<>();
        read(wiki, found);
        return found;
    }

    private static void read(String wiki, List<String> found) {
        int i = 0;
        while (i < wiki.length()) {
            char c = wiki.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (wiki.startsWith("{{", i) || wiki.startsWith("}}", i)) {
                i += 2;
            } else if (c == '{') {
                i = macro(wiki, i, found);
            } else if (c == '[') {
                i = link(wiki, i, found);
            } else if (c == '!') {
                i = image(wiki, i, found);
            } else {
                i = autolink(wiki, i, found);
            }
        }
    }

    private static int macro(String wiki, int start, List<String> found) {
        Matcher tag = MACRO.matcher(wiki).region(start, wiki.length());
        if (!tag.lookingAt()) {
            return start + 1;
        }
        String name = tag.group(1).toLowerCase(Locale.ROOT);
        found.add("macro " + name);
        Matcher end = Pattern.compile("(?i)\\{" + name + "}").matcher(wiki).region(tag.end(), wiki.length());
        if (!end.find()) {
            return tag.end();
        }
        if (!RAW.contains(name)) {
            read(wiki.substring(tag.end(), end.start()), found);
        }
        found.add("macro " + name);
        return end.end();
    }

    /**
     * As Jira's link parser: no space after {@code [}, one line, {@code \]} does not end it, a new {@code [} starts
     * over.
     */
    private static int link(String wiki, int start, List<String> found) {
        if (start + 1 >= wiki.length() || Character.isWhitespace(wiki.charAt(start + 1))) {
            return start + 1;
        }
        for (int i = start + 1; i < wiki.length(); i++) {
            char c = wiki.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '\n' || c == '[') {
                return i;
            } else if (c == ']') {
                String body = wiki.substring(start + 1, i);
                String[] parts = body.split("\\|", -1);
                String target = (parts.length > 1 ? parts[1] : parts[0]).strip();
                if (target.startsWith("~")) {
                    found.add("mention " + target);
                } else if (!body.isEmpty()) {
                    found.add("link " + target);
                }
                return i + 1;
            }
        }
        return start + 1;
    }

    private static int image(String wiki, int start, List<String> found) {
        Matcher image = IMAGE.matcher(wiki).region(start, wiki.length());
        if (!image.lookingAt()) {
            return start + 1;
        }
        found.add("image " + image.group(1));
        return image.end();
    }

    /** A word that runs into {@code ://}, which Jira links whatever the scheme. */
    private static int autolink(String wiki, int start, List<String> found) {
        int end = start;
        while (end < wiki.length()
                && (Character.isLetterOrDigit(wiki.charAt(end)) || "+.-".indexOf(wiki.charAt(end)) >= 0)) {
            end++;
        }
        if (end > start && Character.isLetter(wiki.charAt(start)) && wiki.startsWith("://", end)) {
            int stop = end;
            while (stop < wiki.length() && !Character.isWhitespace(wiki.charAt(stop))) {
                stop++;
            }
            found.add("autolink " + wiki.substring(start, stop));
            return stop;
        }
        return Math.max(end, start + 1);
    }
}
