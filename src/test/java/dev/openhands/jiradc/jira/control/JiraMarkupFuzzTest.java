package dev.openhands.jiradc.jira.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Generated Markdown full of attempts at mentions, macros, images and links ({@link MarkdownAttacks}) comes out of
 * {@link JiraMarkup} with nothing in it that Jira would render as more than text ({@link WikiConstructs}) other than
 * what the renderer says it put there itself. Replay a failure with {@code -Dfuzz.seed=<the seed in the output>}; more
 * inputs with {@code -Dfuzz.inputs=N}.
 */
class JiraMarkupFuzzTest {

    static final long SEED = Long.getLong("fuzz.seed", 1717L);
    static final int INPUTS = Integer.getInteger("fuzz.inputs", 5_000);
    private static final Pattern ALLOWED = Pattern
            .compile("link https?://[A-Za-z0-9._~:/?#&=+,;@%$*'()-]+|macro (code|noformat|quote)");

    @Test
    void nothingButTheRenderersOwnMarkupComesOut() {
        MarkdownAttacks attacks = new MarkdownAttacks(SEED);
        Map<String, Integer> kinds = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < INPUTS; i++) {
            String markdown = attacks.next();
            WikiRendering rendering = JiraMarkup.render(markdown);
            List<String> found = WikiConstructs.in(rendering.wiki());
            found.forEach(construct -> kinds.merge(construct.substring(0, construct.indexOf(' ')), 1, Integer::sum));
            if (!onlyOwn(rendering)) {
                failures.add("input " + i + ":\n" + markdown + "\n=> " + rendering.wiki() + "\nfound " + found
                        + "\nemitted " + rendering.constructs());
            }
        }
        System.out.printf("JiraMarkupFuzzTest: seed %d, %d Markdown inputs (replay with -Dfuzz.seed=%d, more with"
                + " -Dfuzz.inputs=N): %d constructs Jira would render %s, %d inputs with markup smuggled in%n", SEED,
                INPUTS,
                SEED, kinds.values().stream().mapToInt(Integer::intValue).sum(), kinds, failures.size());
        assertTrue(failures.isEmpty(),
                () -> failures.size() + " of " + INPUTS + " inputs smuggled markup through (seed "
                        + SEED + "), the first:\n" + failures.get(0));
    }

    @Test
    void theCheckFailsOnTheRegexConvertersOutput() {
        String markdown = "```\n{code}\n[~boss] !https://beacon.example/x.png!\n```";
        // what the regex converter wrote for each, and what it meant to write
        assertFalse(onlyOwn(new WikiRendering("{code}\n{code}\n[~boss] !https://beacon.example/x.png!\n{code}",
                List.of("macro code", "macro code"))));
        assertTrue(onlyOwn(JiraMarkup.render(markdown)));

        markdown = "[x](javascript:alert(1))";
        assertFalse(onlyOwn(new WikiRendering("[x|javascript:alert(1])", List.of("link javascript:alert(1"))));
        assertTrue(onlyOwn(JiraMarkup.render(markdown)));

        markdown = "[x|javascript:alert(1)](https://ok.example)";
        assertFalse(onlyOwn(new WikiRendering("[x\\|javascript:alert(1)|https://ok.example]",
                List.of("link https://ok.example"))));
        assertTrue(onlyOwn(JiraMarkup.render(markdown)));
    }

    /** What Jira would render is what the renderer says it wrote, and that is only web links and its three macros. */
    private static boolean onlyOwn(WikiRendering rendering) {
        return WikiConstructs.in(rendering.wiki()).equals(rendering.constructs())
                && rendering.constructs().stream().allMatch(construct -> ALLOWED.matcher(construct).matches());
    }
}
