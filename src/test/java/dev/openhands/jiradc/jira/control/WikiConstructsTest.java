package dev.openhands.jiradc.jira.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The reader the fuzz test trusts finds what Jira would render, including what the regex converter let through. */
class WikiConstructsTest {

    @Test
    void findsMentionsLinksImagesMacrosAndBareAddresses() {
        assertEquals(
                List.of("mention ~boss", "link https://ok.example", "image https://beacon.example/x.png", "macro html",
                        "macro html", "autolink ftp://files.example"),
                WikiConstructs.in(
                        "[~boss] [ok|https://ok.example] !https://beacon.example/x.png! {html}<b>{html}"
                                + " ftp://files.example"));
    }

    @Test
    void leavesEscapesReferencesAndMonospaceAlone() {
        assertEquals(List.of(), WikiConstructs.in(
                "\\[~boss\\] &#91;\\~boss&#93; {{monospace}} &#33;x.png&#33; https&#58;//x.example [ not a link] a!b"));
    }

    @Test
    void readsALinkTargetAsJiraDoesAfterTheFirstBar() {
        assertEquals(List.of("link javascript:alert(1)"),
                WikiConstructs.in("[x\\|javascript:alert(1)|https://ok.example]"));
        assertEquals(List.of("mention ~boss"), WikiConstructs.in("[x|~boss]"));
        assertEquals(List.of("link https://ok.example"), WikiConstructs.in("[~boss|https://ok.example]"));
        assertEquals(List.of("link https://ok.example"), WikiConstructs.in("[a [b|https://ok.example]"));
    }

    @Test
    void skipsTheBodyOfCodeButReadsTheBodyOfAQuote() {
        assertEquals(List.of("macro code", "macro code", "macro quote", "mention ~boss", "macro quote"),
                WikiConstructs.in("{code:java}\n[~boss]\n{code}\n{quote}\n[~boss]\n{quote}"));
    }

    @Test
    void endsAQuoteAtTheFirstClosingTagEvenInsideCode() {
        assertEquals(List.of("macro quote", "macro code", "macro quote", "mention ~boss", "macro code", "macro quote"),
                WikiConstructs.in("{quote}\n{code}\n{quote}\n[~boss]\n{code}\n{quote}"));
    }

    @Test
    void catchesWhatTheRegexConverterWrote() {
        // its output, unchanged, for ```\n{code}\n[~boss] !https://beacon.example/x.png!\n``` (it meant two {code}
        // tags)
        assertEquals(
                List.of("macro code", "macro code", "mention ~boss", "image https://beacon.example/x.png",
                        "macro code"),
                WikiConstructs.in("{code}\n{code}\n[~boss] !https://beacon.example/x.png!\n{code}"));
        // for [x|javascript:alert(1)](https://ok.example) (it meant a link to https://ok.example)
        assertEquals(List.of("link javascript:alert(1)"),
                WikiConstructs.in("[x\\|javascript:alert(1)|https://ok.example]"));
        // for `{html}` (it meant monospace)
        assertEquals(List.of("macro html"), WikiConstructs.in("{{{html}}}"));
        // for ![d](http://beacon.example/x.png)
        assertEquals(List.of("image http://beacon.example/x.png"), WikiConstructs.in("!http://beacon.example/x.png!"));
    }
}
