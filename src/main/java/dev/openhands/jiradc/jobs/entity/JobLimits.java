package dev.openhands.jiradc.jobs.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * The limits an admin sets on jobs: one row, read and locked by every admission, so that what one instance lets in
 * every other instance counts at once. A limit left empty is no limit.
 */
@Entity
@Table(name = "job_limits")
public class JobLimits {

    /** The one row. */
    public static final int ID = 1;

    /** What a trigger past a limit of running jobs does; the per-issue-per-day limit always refuses. */
    public enum PastLimit {
        /** Waits in order, and starts by itself when a slot frees. */
        QUEUE,
        /** Is refused with a comment that names the limit. */
        REFUSE
    }

    @Id
    private int id;

    @Column(name = "per_person")
    private Integer perPerson;

    @Column(name = "per_project")
    private Integer perProject;

    @Column(name = "installation")
    private Integer installation;

    @Column(name = "per_issue_per_day")
    private Integer perIssuePerDay;

    @Enumerated(EnumType.STRING)
    @Column(name = "past_limit", nullable = false)
    private PastLimit pastLimit;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by")
    private String updatedBy;

    protected JobLimits() {
    }

    /** What the limits are as values, for deciding and for showing. */
    public Values values() {
        return new Values(Optional.ofNullable(perPerson), Optional.ofNullable(perProject),
                Optional.ofNullable(installation), Optional.ofNullable(perIssuePerDay), pastLimit);
    }

    public void change(Values to, String by, Instant now) {
        this.perPerson = to.perPerson().orElse(null);
        this.perProject = to.perProject().orElse(null);
        this.installation = to.installation().orElse(null);
        this.perIssuePerDay = to.perIssuePerDay().orElse(null);
        this.pastLimit = to.pastLimit();
        this.updatedBy = by;
        this.updatedAt = now;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Optional<String> updatedBy() {
        return Optional.ofNullable(updatedBy);
    }

    /** The limits; each empty one is no limit. */
    public record Values(Optional<Integer> perPerson, Optional<Integer> perProject, Optional<Integer> installation,
            Optional<Integer> perIssuePerDay, PastLimit pastLimit) {

        public static final Values NONE = new Values(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), PastLimit.QUEUE);

        /** The limits in a few words, for the audit trail. */
        public String described() {
            return "per person " + said(perPerson) + ", per project " + said(perProject) + ", installation "
                    + said(installation) + ", per issue per day " + said(perIssuePerDay) + "; past a limit: "
                    + pastLimit.name().toLowerCase(java.util.Locale.ROOT);
        }

        private static String said(Optional<Integer> limit) {
            return limit.map(String::valueOf).orElse("none");
        }

        /** Whether any limit is set: without one, every trigger starts. */
        public boolean limits() {
            return limitsRunning() || perIssuePerDay.isPresent();
        }

        /** Whether any limit on running jobs is set: without one, nothing ever waits. */
        public boolean limitsRunning() {
            return perPerson.isPresent() || perProject.isPresent() || installation.isPresent();
        }
    }
}
