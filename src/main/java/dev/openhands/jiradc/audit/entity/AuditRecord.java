package dev.openhands.jiradc.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * One line of the audit trail. Append-only: made once from an {@link AuditEvent}, it has nothing that changes it, and
 * only the retention's pruning ({@link #PRUNE}) deletes it.
 */
@Entity
@Table(name = "audit_record")
@NamedQuery(name = AuditRecord.PRUNE, query = "delete from AuditRecord r where r.at < :before")
public class AuditRecord {

    public static final String PRUNE = "AuditRecord.prune";
    static final int WHO = 255;
    static final int KEY = 64;
    static final int ID = 36;
    static final int LINK = 1000;
    static final int OUTCOME = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Instant at;

    @Column(nullable = false, length = WHO)
    private String who;

    @Column(nullable = false, length = 40)
    private String action;

    @Column(length = 60)
    private String reason;

    @Column(name = "issue_key", length = KEY)
    private String issueKey;

    @Column(name = "project_key", length = KEY)
    private String projectKey;

    @Column(name = "connection_id", length = ID)
    private String connectionId;

    @Column(name = "job_id", length = ID)
    private String jobId;

    @Column(length = LINK)
    private String link;

    @Column(name = "source_address", length = KEY)
    private String sourceAddress;

    @Column(length = OUTCOME)
    private String outcome;

    protected AuditRecord() {
    }

    public AuditRecord(AuditEvent event, Instant at, Optional<String> sourceAddress) {
        this.at = at;
        this.who = cut(event.who(), WHO);
        this.action = event.action().name();
        this.reason = cut(event.reason(), 60);
        this.issueKey = cut(event.issueKey(), KEY);
        this.projectKey = cut(event.projectKey().orElse(null), KEY);
        this.connectionId = cut(event.connectionId(), ID);
        this.jobId = cut(event.jobId(), ID);
        this.link = cut(event.link(), LINK);
        this.sourceAddress = cut(sourceAddress.orElse(null), KEY);
        this.outcome = cut(event.outcome(), OUTCOME);
    }

    /** Longer text is cut to the column, so that a record is never lost to a long name. */
    static String cut(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }

    public long id() {
        return id;
    }
}
