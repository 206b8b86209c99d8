package dev.openhands.jiradc.triggers.control;

import dev.openhands.jiradc.webhooks.entity.ServiceAccount;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a comment (Jira wiki markup) asks for OpenHands: the mention {@code @openhands} as a whole
 * token, in any case, or a user-picker mention {@code [~name]} / {@code [~key]} of the service account.
 */
public final class Mentions {

    /**
     * The name stops at the next {@code [}, so a long run of {@code [~[~[~} is scanned once, not once per {@code [~}.
     */
    private static final Pattern PICKER = Pattern.compile("\\[~(?:accountid:)?([^\\[\\]\\s|]+)]");

    /** The mention pattern of each label, compiled once (there is one label per deployment). */
    private static final Map<String, Pattern> MENTIONS = new ConcurrentHashMap<>();

    private Mentions() {
    }

    public static boolean asksForOpenHands(String body, String label, ServiceAccount serviceAccount) {
        return mentionsWord(body, label) || mentionsPicker(body, serviceAccount);
    }

    /**
     * {@code @label} not glued to a word before it ({@code user@openhands.dev}) nor continued after
     * it ({@code @openhands-bot}, {@code @openhands.dev}); punctuation and brackets around it are fine.
     */
    static boolean mentionsWord(String body, String label) {
        return MENTIONS.computeIfAbsent(label, word -> Pattern.compile("(?<![\\w.@-])@" + Pattern.quote(word)
                + "(?![\\w@-]|\\.\\w)", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)).matcher(body).find();
    }

    static boolean mentionsPicker(String body, ServiceAccount serviceAccount) {
        Matcher picker = PICKER.matcher(body);
        while (picker.find()) {
            if (serviceAccount.isNamed(picker.group(1))) {
                return true;
            }
        }
        return false;
    }
}
