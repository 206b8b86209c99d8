package dev.openhands.jiradc.jira.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.commonmark.ext.gfm.strikethrough.Strikethrough;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Document;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;

/**
 * Walks a parsed Markdown document and writes it as Jira wiki markup. All text goes through {@link WikiText#escape};
 * the only markup is the renderer's own: headings, lists, quotes, tables, text effects, code macros and links to web
 * addresses. Images become links (no picture is fetched from outside), HTML is shown as text, and no mention is
 * written.
 */
final class WikiRenderer extends AbstractVisitor {

    private final StringBuilder out = new StringBuilder();
    private final List<String> constructs = new ArrayList<>();
    private String listPrefix = "";
    /** How many {@code {quote}} macros are open: Jira cannot nest them, and code inside must not end them. */
    private int quotes;
    /** Above zero inside markup that must stay on one line (headings, list items, table cells, link text). */
    private int oneLine;
    private boolean inLink;

    WikiRendering render(Node document) {
        document.accept(this);
        return new WikiRendering(out.toString().stripTrailing(), List.copyOf(constructs));
    }

    @Override
    public void visit(Document document) {
        blocks(document, "\n\n");
    }

    @Override
    public void visit(Paragraph paragraph) {
        visitChildren(paragraph);
    }

    @Override
    public void visit(Heading heading) {
        out.append('h').append(heading.getLevel()).append(". ");
        oneLine(heading);
    }

    @Override
    public void visit(ThematicBreak rule) {
        out.append("----");
    }

    @Override
    public void visit(BlockQuote quote) {
        if (quote.getFirstChild() instanceof Paragraph paragraph && paragraph.getNext() == null
                && withoutBreaks(paragraph)) {
            out.append("bq. ");
            oneLine(paragraph);
        } else if (quotes > 0) {
            blocks(quote, "\n\n");
        } else {
            macro("quote");
            out.append('\n');
            quotes++;
            blocks(quote, "\n\n");
            quotes--;
            out.append('\n');
            macro("quote");
        }
    }

    @Override
    public void visit(BulletList list) {
        list(list, '*');
    }

    @Override
    public void visit(OrderedList list) {
        list(list, '#');
    }

    @Override
    public void visit(ListItem item) {
        out.append(listPrefix).append(' ');
        for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
            if (child == item.getFirstChild() && child instanceof Paragraph) {
                oneLine(child);
            } else {
                out.append('\n');
                child.accept(this);
            }
        }
    }

    @Override
    public void visit(FencedCodeBlock code) {
        code(code.getLiteral(), code.getInfo());
    }

    @Override
    public void visit(IndentedCodeBlock code) {
        code(code.getLiteral(), null);
    }

    @Override
    public void visit(HtmlBlock html) {
        out.append(WikiText.escape(html.getLiteral().stripTrailing()));
    }

    @Override
    public void visit(LinkReferenceDefinition definition) {
        // used by the links that refer to it; nothing to show
    }

    @Override
    public void visit(CustomBlock block) {
        if (block instanceof TableBlock table) {
            table(table);
        } else {
            visitChildren(block);
        }
    }

    @Override
    public void visit(Text text) {
        if (inLink) {
            out.append(WikiText.escape(text.getLiteral()));
        } else {
            WikiLinks.split(text.getLiteral(), plain -> out.append(WikiText.escape(plain)),
                    target -> link(target, null));
        }
    }

    @Override
    public void visit(Code code) {
        String literal = code.getLiteral().strip();
        out.append(literal.isEmpty() ? WikiText.escape(code.getLiteral()) : "{{" + WikiText.escape(literal) + "}}");
    }

    @Override
    public void visit(Emphasis emphasis) {
        around("_", emphasis);
    }

    @Override
    public void visit(StrongEmphasis strong) {
        around("*", strong);
    }

    @Override
    public void visit(CustomNode node) {
        if (node instanceof Strikethrough) {
            around("-", node);
        } else {
            visitChildren(node);
        }
    }

    @Override
    public void visit(HtmlInline html) {
        out.append(WikiText.escape(html.getLiteral()));
    }

    @Override
    public void visit(SoftLineBreak lineBreak) {
        out.append(oneLine > 0 ? ' ' : '\n');
    }

    @Override
    public void visit(HardLineBreak lineBreak) {
        out.append(oneLine > 0 ? ' ' : '\n');
    }

    @Override
    public void visit(Link link) {
        linkOrText(link.getDestination(), link);
    }

    /** A picture from outside would be fetched by every reader's browser (a beacon); it is linked instead. */
    @Override
    public void visit(Image image) {
        linkOrText(image.getDestination(), image);
    }

    private void blocks(Node parent, String separator) {
        boolean first = true;
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof LinkReferenceDefinition) {
                continue;
            }
            if (!first) {
                out.append(separator);
            }
            first = false;
            child.accept(this);
        }
    }

    private static boolean withoutBreaks(Paragraph paragraph) {
        for (Node child = paragraph.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof SoftLineBreak || child instanceof HardLineBreak) {
                return false;
            }
        }
        return true;
    }

    private void oneLine(Node parent) {
        oneLine++;
        visitChildren(parent);
        oneLine--;
    }

    private void around(String marker, Node node) {
        out.append(marker);
        visitChildren(node);
        out.append(marker);
    }

    private void list(ListBlock list, char marker) {
        String outer = listPrefix;
        listPrefix = outer + marker;
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            if (item != list.getFirstChild()) {
                out.append('\n');
            }
            item.accept(this);
        }
        listPrefix = outer;
    }

    private void code(String literal, String info) {
        WikiCodeBlock block = WikiCodeBlock.of(literal, info, quotes > 0);
        out.append(block.wiki());
        constructs.add("macro " + block.macro());
        constructs.add("macro " + block.macro());
    }

    private void table(TableBlock table) {
        boolean firstRow = true;
        for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
            for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
                if (!firstRow) {
                    out.append('\n');
                }
                firstRow = false;
                for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                    String bar = ((TableCell) cell).isHeader() ? "||" : "|";
                    if (cell == row.getFirstChild()) {
                        out.append(bar);
                    }
                    out.append(' ');
                    oneLine(cell);
                    out.append(' ').append(bar);
                }
            }
        }
    }

    private void linkOrText(String destination, Node label) {
        Optional<String> target = inLink ? Optional.empty() : WikiLinks.target(destination);
        if (target.isPresent()) {
            link(target.get(), label);
        } else {
            visitChildren(label);
        }
    }

    /** {@code [text|target]}, or {@code [target]} when the text is empty or the address itself. */
    private void link(String target, Node label) {
        int start = out.length();
        if (label != null && !(label.getFirstChild() instanceof Text only && only.getNext() == null
                && WikiLinks.target(only.getLiteral()).equals(Optional.of(target)))) {
            inLink = true;
            oneLine(label);
            inLink = false;
        }
        String text = out.substring(start).strip();
        out.setLength(start);
        out.append('[').append(text.isEmpty() ? "" : text + "|").append(target).append(']');
        constructs.add("link " + target);
    }

    private void macro(String name) {
        out.append('{').append(name).append('}');
        constructs.add("macro " + name);
    }
}
