package dev.openhands.jiradc.jobs.control;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Markdown, as OpenHands writes it, turned into Jira wiki markup: headings, lists, code blocks, quotes,
 * tables, links, bold, italic, strikethrough and inline code. Characters that Jira would read as markup
 * of its own ({@code { } [ ]}) are escaped in plain text, so a summary never turns into a macro.
 */
public final class JiraMarkup {

    private static final Pattern FENCE = Pattern.compile("^\\s*(```|~~~)\\s*([\\w+#.-]*)\\s*$");
    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern LIST_ITEM = Pattern.compile("^(\\s*)([-*+]|\\d+[.)])\\s+(.*)$");
    private static final Pattern QUOTE = Pattern.compile("^\\s*>\\s?(.*)$");
    private static final Pattern RULE = Pattern.compile("^\\s*([-*_])(\\s*\\1){2,}\\s*$");
    private static final Pattern TABLE_ROW = Pattern.compile("^\\s*\\|(.*)\\|\\s*$");
    private static final Pattern TABLE_SEPARATOR = Pattern.compile("^\\s*\\|?(\\s*:?-{3,}:?\\s*\\|)+\\s*(:?-{3,}:?\\s*)?\\|?\\s*$");
    private static final Pattern INLINE = Pattern.compile(
            "(?<code>`+)(?<codeText>.+?)\\k<code>"
            + "|!\\[(?<alt>[^\\]]*)\\]\\((?<image>[^)\\s]+)\\)"
            + "|\\[(?<linkText>[^\\]]+)\\]\\((?<link>[^)\\s]+)\\)"
            + "|\\*\\*\\*(?<boldItalic>.+?)\\*\\*\\*"
            + "|\\*\\*(?<bold>.+?)\\*\\*|__(?<bold2>.+?)__"
            + "|~~(?<strike>.+?)~~"
            + "|\\*(?<italic>[^*\\s](?:[^*]*[^*\\s])?)\\*"
            + "|(?<![\\p{L}\\p{N}])_(?<italic2>[^_\\s](?:[^_]*[^_\\s])?)_(?![\\p{L}\\p{N}])"
            + "|(?<special>[{}\\[\\]])");

    private JiraMarkup() {
    }

    /** Plain text, such as a name from Jira, that Jira must show as it is and never read as markup. */
    public static String escape(String text) {
        return text.replaceAll("([{}\\[\\]])", "\\\\$1");
    }

    public static String fromMarkdown(String markdown) {
        List<String> lines = markdown.replace("\r\n", "\n").lines().toList();
        StringBuilder out = new StringBuilder();
        boolean inCode = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher fence = FENCE.matcher(line);
            if (fence.matches()) {
                out.append(inCode ? "{code}" : fence.group(2).isEmpty() ? "{code}" : "{code:" + fence.group(2) + "}").append('\n');
                inCode = !inCode;
                continue;
            }
            if (inCode) {
                out.append(line).append('\n');
                continue;
            }
            Matcher match;
            if ((match = HEADING.matcher(line)).matches()) {
                out.append('h').append(match.group(1).length()).append(". ").append(inline(match.group(2)));
            } else if (RULE.matcher(line).matches()) {
                out.append("----");
            } else if ((match = LIST_ITEM.matcher(line)).matches()) {
                int depth = match.group(1).replace("\t", "    ").length() / 2 + 1;
                char marker = Character.isDigit(match.group(2).charAt(0)) ? '#' : '*';
                out.append(String.valueOf(marker).repeat(depth)).append(' ').append(inline(match.group(3)));
            } else if ((match = QUOTE.matcher(line)).matches()) {
                out.append("bq. ").append(inline(match.group(1)));
            } else if ((match = TABLE_ROW.matcher(line)).matches()) {
                boolean header = i + 1 < lines.size() && TABLE_SEPARATOR.matcher(lines.get(i + 1)).matches();
                String bar = header ? "||" : "|";
                out.append(bar);
                for (String cell : match.group(1).split("\\|", -1)) {
                    out.append(' ').append(inline(cell.strip())).append(' ').append(bar);
                }
                if (header) {
                    i++;
                }
            } else {
                out.append(inline(line));
            }
            out.append('\n');
        }
        if (inCode) {
            out.append("{code}\n");
        }
        return out.toString().stripTrailing();
    }

    static String inline(String text) {
        Matcher match = INLINE.matcher(text);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (match.find()) {
            out.append(text, last, match.start());
            last = match.end();
            if (match.group("code") != null) {
                out.append("{{").append(match.group("codeText").strip()).append("}}");
            } else if (match.group("image") != null) {
                out.append('!').append(match.group("image")).append('!');
            } else if (match.group("link") != null) {
                out.append('[').append(inline(match.group("linkText")).replace("|", "\\|")).append('|')
                        .append(match.group("link")).append(']');
            } else if (match.group("boldItalic") != null) {
                out.append("*_").append(inline(match.group("boldItalic"))).append("_*");
            } else if (match.group("bold") != null || match.group("bold2") != null) {
                out.append('*').append(inline(match.group("bold") != null ? match.group("bold") : match.group("bold2"))).append('*');
            } else if (match.group("strike") != null) {
                out.append('-').append(inline(match.group("strike"))).append('-');
            } else if (match.group("italic") != null || match.group("italic2") != null) {
                out.append('_').append(inline(match.group("italic") != null ? match.group("italic") : match.group("italic2"))).append('_');
            } else {
                out.append('\\').append(match.group("special"));
            }
        }
        return out.append(text, last, text.length()).toString();
    }
}
