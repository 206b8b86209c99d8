package dev.openhands.jiradc.audit.boundary;

import dev.openhands.jiradc.audit.entity.AuditFilter;
import dev.openhands.jiradc.audit.entity.AuditLine;
import dev.openhands.jiradc.platform.ApplicationDataSource;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Reads the audit trail newest first, paged by id (keyset: the next page is the records older than the last id, so a
 * page costs the same at any depth). Plain JDBC rather than JPA: an export reads every record once, through a
 * forward-only cursor that fetches {@value #FETCH_SIZE} rows at a time, and writes each as it comes; nothing holds
 * them all (nor a persistence context). PostgreSQL's driver uses a cursor only with autocommit off, which the
 * transaction around {@link #each} gives.
 */
@ApplicationScoped
public class AuditTrail {

    static final int FETCH_SIZE = 1000;
    private static final String COLUMNS = "select id, at, who, action, reason, issue_key, project_key, connection_id,"
            + " job_id, link, source_address, outcome from audit_record";

    /** What an export does with each record; may fail writing to the client. */
    public interface Sink {
        void accept(AuditLine line) throws IOException;
    }

    @Resource(lookup = ApplicationDataSource.JNDI_NAME)
    DataSource dataSource;

    @Transactional
    public List<AuditLine> page(AuditFilter filter, int limit) {
        List<AuditLine> lines = new ArrayList<>();
        each(filter, limit, lines::add);
        return lines;
    }

    /** Every record the filter selects (at most {@code limit}, or all when 0), newest first, each handed on as read. */
    @Transactional
    public long each(AuditFilter filter, int limit, Sink sink) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder(COLUMNS).append(" where 1 = 1");
        filter.person().ifPresent(who -> where(sql, parameters, " and who = ?", who));
        filter.project().ifPresent(key -> where(sql, parameters, " and project_key = ?", key));
        filter.issue().ifPresent(key -> where(sql, parameters, " and issue_key = ?", key));
        filter.from().ifPresent(
                from -> where(sql, parameters, " and at >= ?", OffsetDateTime.ofInstant(from, ZoneOffset.UTC)));
        filter.to()
                .ifPresent(to -> where(sql, parameters, " and at < ?", OffsetDateTime.ofInstant(to, ZoneOffset.UTC)));
        filter.before().ifPresent(id -> where(sql, parameters, " and id < ?", id));
        sql.append(" order by id desc");
        if (limit > 0) {
            sql.append(" fetch first ").append(limit).append(" rows only");
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql.toString(), ResultSet.TYPE_FORWARD_ONLY,
                        ResultSet.CONCUR_READ_ONLY)) {
            statement.setFetchSize(limit > 0 ? Math.min(limit, FETCH_SIZE) : FETCH_SIZE);
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            long count = 0;
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    sink.accept(line(rows));
                    count++;
                }
            }
            return count;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the audit trail: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void where(StringBuilder sql, List<Object> parameters, String condition, Object value) {
        sql.append(condition);
        parameters.add(value);
    }

    private static AuditLine line(ResultSet rows) throws SQLException {
        return new AuditLine(rows.getLong(1), rows.getObject(2, OffsetDateTime.class).toInstant(), rows.getString(3),
                rows.getString(4),
                rows.getString(5), rows.getString(6), rows.getString(7), rows.getString(8), rows.getString(9),
                rows.getString(10), rows.getString(11), rows.getString(12));
    }
}
