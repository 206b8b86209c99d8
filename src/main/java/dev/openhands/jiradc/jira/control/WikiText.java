package dev.openhands.jiradc.jira.control;

import java.util.regex.Pattern;

/**
 * The one escape for text in Jira wiki markup, so that what the agent wrote reads in Jira as the same characters and
 * never as a mention, link, image, macro, table, list, heading, line break or text effect.
 * <p> Jira reads macros, links, images and tables before it honours backslash escapes (and splits a link at its first
 * {@code |}, escaped or not), so {@code \ { } [ ] | !} are written as numeric character references, which Jira's
 * renderer passes to the page as they are. A backslash is one of them because {@code \\} is Jira's line break and a
 * backslash before an escape cancels it. The characters of text effects, list markers and emoticons ({@code - * _ + ? ^
 * ~ % ( ) @}, and {@code #} where it could mark a list) take Jira's backslash escape, which shows them plainly. A
 * {@code h1.}-{@code h6.} or {@code bq.} that could begin a line, and the {@code :} of {@code ://} (Jira links bare
 * URLs), are written as character references too, as is the {@code &} of text that looks like one.
 */
final class WikiText {

    private static final String REFERENCED = "\\{}[]|!";
    private static final String BACKSLASHED = "-*_+?^~%()@";
    /** A {@code #} that could begin a numbered list; one followed by a word ({@code #12}, {@code #hashtag}) cannot. */
    private static final Pattern LIST_MARKER = Pattern.compile("#[#*-]*(\\s|$)");
    private static final Pattern BLOCK_WORD = Pattern.compile("(h[1-6]|bq)\\.");
    private static final Pattern ENTITY = Pattern.compile("&[#A-Za-z0-9][A-Za-z0-9]{1,7};");

    private WikiText() {
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (REFERENCED.indexOf(c) >= 0 || startsBlockWord(text, i) || startsUrlPath(text, i)) {
                out.append("&#").append((int) c).append(';');
            } else if (BACKSLASHED.indexOf(c) >= 0 || startsListMarker(text, i)) {
                out.append('\\').append(c);
            } else if (c == '&' && ENTITY.matcher(text).region(i, text.length()).lookingAt()) {
                out.append("&amp;");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean startsBlockWord(String text, int i) {
        return (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)))
                && BLOCK_WORD.matcher(text).region(i, text.length()).lookingAt();
    }

    private static boolean startsListMarker(String text, int i) {
        return text.charAt(i) == '#' && LIST_MARKER.matcher(text).region(i, text.length()).lookingAt();
    }

    private static boolean startsUrlPath(String text, int i) {
        return text.charAt(i) == ':' && i + 1 < text.length() && text.charAt(i + 1) == '/';
    }
}
