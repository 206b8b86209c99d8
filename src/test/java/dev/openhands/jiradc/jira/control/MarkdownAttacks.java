package dev.openhands.jiradc.jira.control;

import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * Markdown as an agent writes it, mixed with what an issue or a repository could steer it to write to make Jira do more
 * than show text, nested in every Markdown construct. The same seed gives the same inputs.
 */
final class MarkdownAttacks {

    private static final List<String> PROSE = List.of("# Summary", "## What I did", "Fixed the null check.", "- item",
            "  - nested item", "    - deeper item", "1. first", "2) second", "> quoted", "> > quoted twice", "---",
            "***",
            "| a | b |\n|---|:-:|\n| c | d |", "```java\nint x = 1;\n```", "~~~\nplain\n~~~", "    indented code",
            "**bold**", "*italic*", "_italic_", "~~gone~~", "`code`", "snake_case_name", "2 * 3 * 4",
            "[the PR](https://git.example.com/a/b/pull/1)", "![diagram](https://ok.example/d.png)",
            "<https://auto.example/a_b>", "see https://bare.example/path_(x).", "line  \nbreak", "a\\\nb",
            "&amp; &copy; &#91;", "<div>html</div>", "<span>x</span>", "[ref]\n\n[ref]: https://ok.example/ref",
            "C# and #12");

    private static final List<String> ATTACKS = List.of("{noformat}", "{code}", "{code:java}", "{CODE}", "{quote}",
            "{html}<script>alert(1)</script>{html}", "{panel:title=x}", "{color:red}", "{{monospace}}", "}}", "{{",
            "[~someone]", "[~accountid:5b10a2844c20165700ede21g]", "[text|javascript:alert(1)]",
            "[x|https://evil.example]",
            "[link|http://x]", "!http://beacon.example/x.png!", "!x.png|thumbnail!", "[^attachment.txt]", "[#anchor]",
            "[PROJ-1]", "\\", "\\\\", "\\[~a]", "\\{code}", "\\\\[~a\\\\]", "|", "||", "h1. Heading", "bq. quote",
            "----",
            "(!)", ":)", "(y)", "ftp://files.example", "javascript:alert(1)", "file:///etc/passwd", "&#91;~a&#93;",
            "&#123;html&#125;", "［~fullwidth］", "｛noformat｝", "⟦~x⟧", "\u2028h1. x", "\u200B[~a]",
            "[x](javascript:alert(1))",
            "[x|y](https://ok.example)", "[a](https://ok.example/{html}|~b]!c)", "[a](<https://ok.example/a b|[~c]>)",
            "![beacon](http://beacon.example/x.png)", "[![a](http://beacon.example/x.png)](https://ok.example)",
            "<img src=\"http://beacon.example/x.png\">", "`{noformat}`", "`}}[~a]{{`", "```\n{code}\n[~boss]\n```",
            "```\n{noformat}\n{code}\n[~boss]\n```", "~~~{html}\nx\n~~~", "```java}{html}\nx\n```",
            "> ```\n> {quote}\n> [~boss]\n> ```", "```\n{quote}\n[~boss]\n```", "`[~a]`", "**[~a]**",
            "| [~a] | b\\|[c|d] |");

    private static final List<String> SEPARATORS = List.of("", " ", "\n", "\n\n", "\n  ", "\n    ", "\n> ", "\n- ",
            "\n1. ",
            "\n| ", " | ");

    private static final List<UnaryOperator<String>> WRAPPERS = List.of(s -> s, s -> s, s -> "- " + s, s -> "  - " + s,
            s -> "1. " + s, s -> "> " + s, s -> "> > " + s, s -> "# " + s, s -> "**" + s + "**", s -> "_" + s + "_",
            s -> "~~" + s + "~~", s -> "`" + s + "`", s -> "``" + s + "``",
            s -> "[" + s + "](https://ok.example/" + s + ")",
            s -> "![" + s + "](http://beacon.example/" + s + ")", s -> "[" + s + "](" + s + ")",
            s -> "```\n" + s + "\n```",
            s -> "~~~" + s + "\n" + s + "\n~~~", s -> "    " + s,
            s -> "| " + s + " | b |\n|---|---|\n| " + s + " | d |",
            s -> "<div>" + s + "</div>", s -> "<" + s + ">", s -> "> " + s.replace("\n", "\n> "),
            s -> "- " + s.replace("\n", "\n  "), s -> "> - " + s.replace("\n", "\n>   "));

    private final Random random;

    MarkdownAttacks(long seed) {
        random = new Random(seed);
    }

    String next() {
        StringBuilder markdown = new StringBuilder();
        int pieces = 1 + random.nextInt(8);
        for (int i = 0; i < pieces; i++) {
            if (i > 0) {
                markdown.append(pick(SEPARATORS));
            }
            String piece = random.nextInt(3) == 0 ? pick(PROSE) : pick(ATTACKS);
            if (random.nextInt(4) == 0) {
                piece += pick(random.nextBoolean() ? PROSE : ATTACKS);
            }
            markdown.append(pick(WRAPPERS).apply(random.nextInt(5) == 0 ? pick(WRAPPERS).apply(piece) : piece));
        }
        return markdown.toString();
    }

    private <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}
