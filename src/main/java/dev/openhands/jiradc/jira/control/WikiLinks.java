package dev.openhands.jiradc.jira.control;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which targets may become Jira links (web addresses only: no {@code javascript:}, {@code file:}, Jira pages, users or
 * attachments), written so that Jira reads the whole target, and nothing else, as the link.
 */
final class WikiLinks {

    /** A web address in running text, as Jira would link it by itself. */
    private static final Pattern BARE = Pattern.compile("(?i)(?<![\\p{L}\\p{N}])https?://\\S+");
    private static final Pattern WEB = Pattern.compile("(?i)https?://\\S.*", Pattern.DOTALL);
    /** Characters a target keeps as they are; every other one is percent-encoded, {@code ] | ! { } [} among them. */
    private static final String KEPT = "-._~:/?#&=+,;@%$*'()";
    /** Sentence punctuation after a bare address, which belongs to the sentence. */
    private static final String TRAILING = ".,;:!?'\")]}>*_~";

    private WikiLinks() {
    }

    /** The target as it can stand in {@code [text|target]}, if it is a web address. */
    static Optional<String> target(String url) {
        if (!WEB.matcher(url).matches()) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder(url.length() + 8);
        url.codePoints().forEach(point -> {
            if (point < 128 && (Character.isLetterOrDigit(point) || KEPT.indexOf(point) >= 0)) {
                out.append((char) point);
            } else {
                for (byte b : new String(Character.toChars(point)).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(String.format("%02X", b & 0xff));
                }
            }
        });
        return Optional.of(out.toString());
    }

    /**
     * Running text cut, in order, into plain stretches and the web addresses in it (as targets), without the
     * punctuation that ends the sentence around them.
     */
    static void split(String text, Consumer<String> plain, Consumer<String> address) {
        Matcher bare = BARE.matcher(text);
        int last = 0;
        while (bare.find()) {
            int end = bare.end();
            while (TRAILING.indexOf(text.charAt(end - 1)) >= 0) {
                end--;
            }
            Optional<String> target = target(text.substring(bare.start(), end));
            if (target.isPresent()) {
                plain.accept(text.substring(last, bare.start()));
                address.accept(target.get());
                last = end;
            }
        }
        plain.accept(text.substring(last));
    }
}
