package dev.openhands.jiradc.jira.control;

import java.util.regex.Pattern;

/**
 * A code block as a Jira macro whose body nothing in the code can end early: Jira ends a {@code {code}} body at the
 * first {@code {code}} in it, so code that holds one goes into {@code {noformat}}, and a {@code {noformat}} inside that
 * (or a {@code {quote}} in code within a quote) gets a zero-width space after its brace, which Jira does not read as a
 * tag and readers do not see.
 *
 * @param macro the macro's name, {@code code} or {@code noformat}
 */
record WikiCodeBlock(String macro, String wiki) {

    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z0-9_+#.-]{1,30}");
    private static final Pattern CODE_TAG = Pattern.compile("(?i)\\{code");
    private static final Pattern NOFORMAT_TAG = Pattern.compile("(?i)\\{(?=noformat)");
    private static final Pattern QUOTE_TAG = Pattern.compile("(?i)\\{(?=quote)");

    static WikiCodeBlock of(String literal, String info, boolean insideQuote) {
        String body = literal.isEmpty() || literal.endsWith("\n") ? literal : literal + "\n";
        if (insideQuote) {
            body = broken(body, QUOTE_TAG);
        }
        if (!CODE_TAG.matcher(body).find()) {
            String language = info == null ? "" : info.strip().split("\\s+", 2)[0];
            String open = LANGUAGE.matcher(language).matches() ? "{code:" + language + "}" : "{code}";
            return new WikiCodeBlock("code", open + "\n" + body + "{code}");
        }
        return new WikiCodeBlock("noformat", "{noformat}\n" + broken(body, NOFORMAT_TAG) + "{noformat}");
    }

    private static String broken(String body, Pattern tag) {
        return tag.matcher(body).replaceAll("{\u200B");
    }
}
