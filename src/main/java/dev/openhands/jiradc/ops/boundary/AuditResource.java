package dev.openhands.jiradc.ops.boundary;

import dev.openhands.jiradc.accounts.boundary.AdminOnly;
import dev.openhands.jiradc.audit.boundary.AuditExport;
import dev.openhands.jiradc.audit.boundary.AuditJson;
import dev.openhands.jiradc.audit.boundary.AuditQuery;
import dev.openhands.jiradc.audit.boundary.AuditTrail;
import dev.openhands.jiradc.audit.entity.AuditFilter;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * For admins: the audit trail, a page at a time (newest first), and its export as CSV or JSON Lines, streamed as it is
 * read from the database (an export of any size holds one record at a time). Here in {@code ops}, not in
 * {@code audit}: admin-only is the accounts component's, and accounts records its sign-ins into the audit trail.
 */
@Path("api/integrations/jira-dc/audit")
@AdminOnly
public class AuditResource {

    @Inject
    AuditTrail store;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public AuditJson page(@BeanParam AuditQuery query) {
        int limit = query.limit();
        return AuditJson.of(store.page(query.filter(), limit), limit);
    }

    @GET
    @Path("export")
    public Response export(@QueryParam("format") String format, @BeanParam AuditQuery query) {
        AuditExport as = AuditExport.named(format).orElseThrow(() -> new BadRequestException(
                "format must be csv or jsonl, not '" + format + "'."));
        AuditFilter filter = query.filter();
        return Response.ok(stream(as, filter), as.mediaType()).header(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"" + as.fileName() + "\"").build();
    }

    private StreamingOutput stream(AuditExport as, AuditFilter filter) {
        return output -> {
            Writer out = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 64 * 1024);
            as.header(out);
            store.each(filter, 0, line -> as.write(line, out));
            out.flush();
        };
    }
}
