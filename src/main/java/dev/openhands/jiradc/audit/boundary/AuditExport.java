package dev.openhands.jiradc.audit.boundary;

import static dev.openhands.jiradc.platform.Jsons.JSON;

import dev.openhands.jiradc.audit.entity.AuditLine;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.Optional;

/** The export formats: each writes a record as one line, as it is read. */
public enum AuditExport {

    /**
     * RFC 4180: a header line, every value quoted (a quote doubled), CRLF between records. A value a spreadsheet would
     * take for a formula (starting with {@code = + - @}, a tab or a carriage return) gets a leading apostrophe: a Jira
     * user name or an issue key is other people's input.
     */
    CSV("text/csv; charset=UTF-8", "csv") {
        @Override
        public void header(Writer out) throws IOException {
            out.write(String.join(",", AuditLine.COLUMNS));
            out.write("\r\n");
        }

        @Override
        public void write(AuditLine line, Writer out) throws IOException {
            String[] values = line.values();
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(cell(values[i]));
            }
            out.write("\r\n");
        }
    },

    /** JSON Lines: one JSON object per line, the fields of {@link AuditLine#COLUMNS}, a missing one left out. */
    JSONL("application/jsonl; charset=UTF-8", "jsonl") {
        @Override
        public void header(Writer out) {
        }

        @Override
        public void write(AuditLine line, Writer out) throws IOException {
            String[] values = line.values();
            out.write("{\"id\":");
            out.write(values[0]);
            for (int i = 1; i < values.length; i++) {
                if (values[i] != null) {
                    out.write(",\"");
                    out.write(AuditLine.COLUMNS[i]);
                    out.write("\":");
                    out.write(JSON.createValue(values[i]).toString());
                }
            }
            out.write("}\n");
        }
    };

    private final String mediaType;
    private final String extension;

    AuditExport(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public abstract void header(Writer out) throws IOException;

    public abstract void write(AuditLine line, Writer out) throws IOException;

    public String mediaType() {
        return mediaType;
    }

    public String fileName() {
        return "audit-trail." + extension;
    }

    /** {@code csv} or {@code jsonl}, in any case. */
    public static Optional<AuditExport> named(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "csv" -> Optional.of(CSV);
            case "jsonl" -> Optional.of(JSONL);
            default -> Optional.empty();
        };
    }

    /** One quoted CSV value, guarded against formulas; empty for none. */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String guarded = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return '"' + guarded.replace("\"", "\"\"") + '"';
    }
}
