package vn.memberstat.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a {@link DataDictionary} as {@code data-dictionary.md} (the star schema as a Mermaid diagram, which GitHub
 * and most Markdown viewers draw) and {@code data-dictionary.html} (one self-contained page: the same diagram as
 * text in a {@code <pre>}, no script or style loaded from anywhere).
 */
public final class DictionaryWriter {
    private DictionaryWriter() {}

    public static List<Path> write(DataDictionary dictionary, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path md = dir.resolve("data-dictionary.md");
        Path html = dir.resolve("data-dictionary.html");
        Files.writeString(md, markdown(dictionary), StandardCharsets.UTF_8);
        Files.writeString(html, html(dictionary), StandardCharsets.UTF_8);
        return List.of(md, html);
    }

    static String markdown(DataDictionary d) {
        StringBuilder b = new StringBuilder("# memberstat data dictionary / Từ điển dữ liệu\n\n");
        b.append("## Star schema\n\n```mermaid\nerDiagram\n");
        for (DataDictionary.Link l : d.links()) {
            b.append("    ").append(l.dimension()).append(" ||--o{ ").append(l.fact()).append(" : ").append(l.column()).append('\n');
        }
        b.append("```\n\n## Tables and views\n\n| name | kind | grain and meaning | reads |\n| --- | --- | --- | --- |\n");
        for (DataDictionary.Relation r : d.relations()) {
            b.append("| [").append(r.name()).append("](#").append(r.name()).append(") | ").append(r.isView() ? "view" : "table")
                    .append(" | ").append(cell(r.comment())).append(" | ").append(String.join(", ", r.reads())).append(" |\n");
        }
        for (DataDictionary.Relation r : d.relations()) {
            b.append("\n### ").append(r.name()).append("\n\n").append(cell(r.comment())).append("\n\n");
            if (!r.reads().isEmpty()) {
                b.append("Reads: ").append(String.join(", ", r.reads())).append("\n\n");
            }
            b.append("| column | type | meaning |\n| --- | --- | --- |\n");
            for (DataDictionary.Column c : r.columns()) {
                b.append("| ").append(c.name()).append(" | ").append(c.type()).append(" | ").append(cell(c.comment())).append(" |\n");
            }
        }
        return b.toString();
    }

    static String html(DataDictionary d) {
        StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">"
                + "<title>memberstat data dictionary</title><style>body{font-family:sans-serif;margin:2em}"
                + "table{border-collapse:collapse}td,th{border:1px solid #bbb;padding:2px 6px;text-align:left;vertical-align:top}"
                + "</style></head><body>\n<h1>memberstat data dictionary / Từ điển dữ liệu</h1>\n<h2>Star schema</h2>\n<pre>\n");
        for (DataDictionary.Link l : d.links()) {
            b.append(escape(String.format("%-20s --%s--> %s", l.fact(), l.column(), l.dimension()))).append('\n');
        }
        b.append("</pre>\n<h2>Tables and views</h2>\n<table><tr><th>name</th><th>kind</th><th>grain and meaning</th><th>reads</th></tr>\n");
        for (DataDictionary.Relation r : d.relations()) {
            b.append("<tr><td><a href=\"#").append(r.name()).append("\">").append(r.name()).append("</a></td><td>")
                    .append(r.isView() ? "view" : "table").append("</td><td>").append(escape(r.comment())).append("</td><td>")
                    .append(escape(String.join(", ", r.reads()))).append("</td></tr>\n");
        }
        b.append("</table>\n");
        for (DataDictionary.Relation r : d.relations()) {
            b.append("<h3 id=\"").append(r.name()).append("\">").append(r.name()).append("</h3>\n<p>").append(escape(r.comment()))
                    .append("</p>\n<table><tr><th>column</th><th>type</th><th>meaning</th></tr>\n");
            for (DataDictionary.Column c : r.columns()) {
                b.append("<tr><td>").append(c.name()).append("</td><td>").append(escape(c.type())).append("</td><td>")
                        .append(escape(c.comment())).append("</td></tr>\n");
            }
            b.append("</table>\n");
        }
        return b.append("</body></html>\n").toString();
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
