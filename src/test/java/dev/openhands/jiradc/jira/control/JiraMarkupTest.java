package dev.openhands.jiradc.jira.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JiraMarkupTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '\'', textBlock = """
            # Summary => h1. Summary
            ### Changes ### => h3. Changes
            ###### Deep => h6. Deep
            #hashtag is not a heading => #hashtag is not a heading
            - first => * first
            * first => * first
            + first => * first
            1. one => # one
            '   2) two' => # two
            > quoted **text** => bq. quoted *text*
            --- => ----
            *** => ----
            **bold** and __bold__ => *bold* and *bold*
            *italic* and _italic_ => _italic_ and _italic_
            ***both*** => _*both*_
            ~~gone~~ => -gone-
            use `mvn verify` here => use {{mvn verify}} here
            ``code with ` tick`` => {{code with ` tick}}
            see [the PR](https://git.example.com/a/b/pull/1) => see [the PR|https://git.example.com/a/b/pull/1]
            [**bold** link](https://x.example) => [*bold* link|https://x.example]
            ![diagram](https://x.example/d.png) => [diagram|https://x.example/d.png]
            snake_case_name stays => snake\\_case\\_name stays
            2 * 3 * 4 stays => 2 \\* 3 \\* 4 stays
            a {macro} and [brackets] => a &#123;macro&#125; and &#91;brackets&#93;
            `{code}` in code => {{&#123;code&#125;}} in code
            see https://git.example.com/a/b/pull/1. => see [https://git.example.com/a/b/pull/1].
            """)
    void convertsOneLine(String markdown, String wiki) {
        assertEquals(wiki, JiraMarkup.fromMarkdown(markdown));
    }

    @Test
    void codeBlocksKeepTheirContentVerbatim() {
        assertEquals("""
                Fixed it:

                {code:java}
                if (password == null || password.isEmpty()) { // **not bold**
                    throw new IllegalArgumentException("[empty]");
                }
                {code}

                {code}
                plain
                {code}""", JiraMarkup.fromMarkdown("""
                Fixed it:
                ```java
                if (password == null || password.isEmpty()) { // **not bold**
                    throw new IllegalArgumentException("[empty]");
                }
                ```
                ~~~
                plain
                ~~~
                """));
    }

    @Test
    void listsNestAsTheirItemsDo() {
        assertEquals("""
                * first
                ** nested
                *** deeper
                * second
                *# numbered inside
                *# and again""", JiraMarkup.fromMarkdown("""
                - first
                  - nested
                    - deeper
                - second
                  1. numbered inside
                  2. and again
                """));
    }

    @Test
    void aQuoteOfSeveralBlocksIsAQuoteMacro() {
        assertEquals("""
                {quote}
                It said:

                * one
                * two
                {quote}""", JiraMarkup.fromMarkdown("""
                > It said:
                >
                > - one
                > - two
                """));
    }

    @Test
    void aQuoteOfSeveralLinesKeepsThem() {
        assertEquals("{quote}\nline one\nline two\n{quote}", JiraMarkup.fromMarkdown("> line one\n> line two"));
    }

    @Test
    void linesBreakAsInTheMarkdownExceptWhereJiraNeedsOneLine() {
        assertEquals("first\nsecond\n\n* item that goes on",
                JiraMarkup.fromMarkdown("first\nsecond\n\n- item\n  that goes on"));
    }

    @Test
    void anUnclosedCodeBlockIsClosed() {
        assertEquals("{code:sh}\nmvn verify\n{code}", JiraMarkup.fromMarkdown("```sh\nmvn verify"));
    }

    @Test
    void tablesGetAHeaderRow() {
        assertEquals("""
                || File || Change ||
                | {{Login.java}} | *null check* |
                | README.md | docs |""", JiraMarkup.fromMarkdown("""
                | File | Change |
                |------|:------:|
                | `Login.java` | **null check** |
                | README.md | docs |
                """));
    }

    @Test
    void aTypicalSummary() {
        assertEquals("""
                h2. What I did

                * Added a null check in {{LoginService}}
                * Wrote a test: _LoginServiceTest_

                Pull request: [#12|https://github.com/acme/web-app/pull/12]""", JiraMarkup.fromMarkdown("""
                ## What I did

                - Added a null check in `LoginService`
                - Wrote a test: *LoginServiceTest*

                Pull request: [#12](https://github.com/acme/web-app/pull/12)
                """));
    }
}
