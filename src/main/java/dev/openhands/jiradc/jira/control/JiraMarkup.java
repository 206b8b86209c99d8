package dev.openhands.jiradc.jira.control;

import java.util.List;

import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;

/**
 * Markdown, as OpenHands writes it, turned into Jira wiki markup: headings, lists, code blocks, quotes, tables, links,
 * bold, italic, strikethrough and inline code. The agent's words can be steered by an issue or a repository, so the
 * Markdown is parsed (CommonMark with GitHub's tables and {@code ~~strikethrough~~}) rather than matched with patterns,
 * and {@link WikiRenderer} writes nothing of the text as markup: no mention, macro, picture or link it did not choose.
 */
public final class JiraMarkup {

    /** Deeper nesting is read as text: it keeps the renderer's recursion short whatever the agent writes. */
    private static final int MAX_NESTING = 32;
    private static final Parser PARSER = Parser.builder()
            .extensions(
                    List.of(TablesExtension.create(), StrikethroughExtension.builder().requireTwoTildes(true).build()))
            .maxOpenBlockParsers(MAX_NESTING)
            .build();

    private JiraMarkup() {
    }

    /**
     * Plain text, such as a name from Jira or a reason OpenHands gave, that Jira must show as it is, never as markup.
     */
    public static String escape(String text) {
        return WikiText.escape(text);
    }

    public static String fromMarkdown(String markdown) {
        return render(markdown).wiki();
    }

    static WikiRendering render(String markdown) {
        return new WikiRenderer().render(PARSER.parse(markdown));
    }
}
