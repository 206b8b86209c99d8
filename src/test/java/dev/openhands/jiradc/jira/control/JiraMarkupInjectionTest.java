package dev.openhands.jiradc.jira.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What an agent steered by an issue or a repository could write to make the bot's comment do more than show text. */
class JiraMarkupInjectionTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '\'', textBlock = """
            mention [~boss] => mention &#91;\\~boss&#93;
            link [look|https://evil.example] => link &#91;look&#124;[https://evil.example]&#93;
            beacon !https://beacon.example/x.png! => beacon &#33;[https://beacon.example/x.png]&#33;
            macro {html}<b>x</b>{html} => macro &#123;html&#125;<b>x</b>&#123;html&#125;
            '{panel:title=x}' => &#123;panel:title=x&#125;
            a backslash before markup \\\\[~boss] => a backslash before markup &#92;&#91;\\~boss&#93;
            a line break \\\\\\\\ in text => a line break &#92;&#92; in text
            table | cells | here => table &#124; cells &#124; here
            h1. at the start => &#104;1. at the start
            bq. at the start => &#98;q. at the start
            ---- rule in text => \\-\\-\\-\\- rule in text
            # list marker in a heading => h1. list marker in a heading
            '\\# 1 list marker in text' => \\# 1 list marker in text
            issue #12 and C# => issue #12 and C\\#
            emoticons (!) (y) :) => emoticons \\(&#33;\\) \\(y\\) :\\)
            effects * b* -s- +u+ ^sup^ ~sub~ ??cite?? => effects \\* b\\* \
            \\-s\\- \\+u\\+ \\^sup\\^ \\~sub\\~ \\?\\?cite\\?\\?
            ftp://files.example and file:///etc/passwd => ftp&#58;//files.example and file&#58;///etc/passwd
            an entity-like &amp;#91;~boss&amp;#93; => an entity\\-like &amp;#91;\\~boss&amp;#93;
            lookalikes ［~boss］ ｛html｝ => lookalikes ［\\~boss］ ｛html｝
            `}}[~boss]{{` => {{&#125;&#125;&#91;\\~boss&#93;&#123;&#123;}}
            `{noformat}` => {{&#123;noformat&#125;}}
            `https://x.example` => {{https&#58;//x.example}}
            [click](javascript:alert(1)) => click
            [here](src/Main.java) => here
            [x|javascript:alert(1)](https://ok.example) => [x&#124;javascript:alert\\(1\\)|https://ok.example]
            [x](https://ok.example/a|b]c!d{e}[f]) => [x|https://ok.example/a%7Cb%5Dc%21d%7Be%7D%5Bf%5D]
            [ spaced ](https://ok.example) => [spaced|https://ok.example]
            <https://ok.example/a_b> => [https://ok.example/a_b]
            ![beacon](http://beacon.example/x.png) => [beacon|http://beacon.example/x.png]
            ![](http://beacon.example/x.png) => [http://beacon.example/x.png]
            ![local](x.png) => local
            [![inner](http://beacon.example/x.png)](https://ok.example) => [inner|https://ok.example]
            <img src="http://beacon.example/x.png"> => <img src="http&#58;//beacon.example/x.png">
            text <span>[~boss]</span> => text <span>&#91;\\~boss&#93;</span>
            see https://ok.example/pull/1. => see [https://ok.example/pull/1].
            xhttps://ok.example => xhttps&#58;//ok.example
            """)
    void textStaysText(String markdown, String wiki) {
        assertEquals(wiki, JiraMarkup.fromMarkdown(markdown));
    }

    @Test
    void codeThatClosesItsBlockMovesToNoformat() {
        assertEquals("{noformat}\n{code}\n[~boss] !https://beacon.example/x.png!\n{noformat}",
                JiraMarkup.fromMarkdown("```\n{code}\n[~boss] !https://beacon.example/x.png!\n```"));
    }

    @Test
    void codeThatClosesBothFormsHasItsNoformatTagsBroken() {
        assertEquals("{noformat}\n{CODE}\n{\u200BNoFormat}\n[~boss]\n{noformat}",
                JiraMarkup.fromMarkdown("~~~\n{CODE}\n{NoFormat}\n[~boss]\n~~~"));
    }

    @Test
    void codeInAQuoteCannotCloseTheQuote() {
        assertEquals("{quote}\nsee:\n\n{code}\n{\u200Bquote}\n[~boss]\n{code}\n{quote}",
                JiraMarkup.fromMarkdown("> see:\n>\n> ```\n> {quote}\n> [~boss]\n> ```"));
    }

    @Test
    void aLanguageThatIsNotAWordIsLeftOut() {
        assertEquals("{code}\nx\n{code}", JiraMarkup.fromMarkdown("```java}{html}\nx\n```"));
    }

    @Test
    void nestedQuotesOpenOneQuoteMacro() {
        assertEquals("{quote}\nouter\n\nfirst\n\nsecond\n{quote}",
                JiraMarkup.fromMarkdown("> outer\n>\n> > first\n> >\n> > second"));
    }

    @Test
    void deepNestingIsReadAsText() {
        String wiki = JiraMarkup.fromMarkdown(">".repeat(20_000) + " [~boss]");
        assertEquals(2, wiki.split("\\{quote\\}", -1).length - 1, wiki);
        assertTrue(wiki.endsWith("&#91;\\~boss&#93;\n{quote}"), wiki);
    }
}
