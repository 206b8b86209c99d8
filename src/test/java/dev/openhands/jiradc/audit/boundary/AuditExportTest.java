package dev.openhands.jiradc.audit.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.openhands.jiradc.audit.entity.AuditLine;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditExportTest {

    static final AuditLine LINE = new AuditLine(7, Instant.parse("2026-12-07T10:00:00Z"), "=HYPERLINK(\"x\")",
            "TRIGGER_REFUSED", "NO_REPOSITORY", "ACME-1", "ACME", null, null, null, "10.0.0.1",
            "said \"no\", then\r\nleft");

    @Test
    void csvQuotesEveryValueAndDoublesQuotes() throws IOException {
        StringWriter out = new StringWriter();
        AuditExport.CSV.header(out);
        AuditExport.CSV.write(LINE, out);
        assertEquals("id,at,who,action,reason,issue,project,connection,job,link,source,outcome\r\n"
                + "\"7\",\"2026-12-07T10:00:00Z\",\"'=HYPERLINK(\"\"x\"\")\",\"TRIGGER_REFUSED\",\"NO_REPOSITORY\","
                + "\"ACME-1\",\"ACME\",,,,\"10.0.0.1\",\"said \"\"no\"\", then\r\nleft\"\r\n", out.toString());
    }

    @Test
    void csvGuardsEveryFormulaStart() {
        for (String formula : new String[]{"=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"}) {
            assertEquals("\"'" + formula + "\"", AuditExport.cell(formula));
        }
        assertEquals("\"alice\"", AuditExport.cell("alice"));
        assertEquals("", AuditExport.cell(null));
    }

    @Test
    void jsonLinesAreOneObjectPerLineWithoutTheMissingFields() throws IOException {
        StringWriter out = new StringWriter();
        AuditExport.JSONL.header(out);
        AuditExport.JSONL.write(LINE, out);
        String text = out.toString();
        assertEquals(1, text.split("\n").length);
        JsonObject read = Json.createReader(new StringReader(text)).readObject();
        assertEquals(7, read.getInt("id"));
        assertEquals("=HYPERLINK(\"x\")", read.getString("who"));
        assertEquals("said \"no\", then\r\nleft", read.getString("outcome"));
        assertEquals(false, read.containsKey("job"));
    }
}
