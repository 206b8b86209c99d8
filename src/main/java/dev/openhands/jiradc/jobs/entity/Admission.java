package dev.openhands.jiradc.jobs.entity;

import java.util.Optional;

/**
 * Whether a job may start now, wait for a slot, or is refused, as a pure function of the limits and what already runs
 * and waits where the job would count. Arrival order is kept: a job that waits counts against the jobs that come after
 * it, so a later trigger never overtakes an earlier one in the same scope.
 */
public final class Admission {

    private Admission() {
    }

    /** The limits, in the order they are checked. */
    public enum Limit {
        PER_ISSUE_PER_DAY, PER_PERSON, PER_PROJECT, INSTALLATION
    }

    public enum Outcome {
        START, QUEUE, REFUSE
    }

    /** In one scope (the person's, the project's, the installation's): jobs running there, and jobs waiting ahead. */
    public record Scope(int running, int waiting) {

        public static final Scope EMPTY = new Scope(0, 0);

        int taken() {
            return running + waiting;
        }
    }

    /**
     * Where a job would count.
     *
     * @param issueToday jobs asked for on the issue in the last 24 hours
     */
    public record Occupancy(Scope person, Scope project, Scope installation, int issueToday) {
    }

    /** A limit that keeps the job from starting now: how many run and wait in its scope, and the most allowed. */
    public record Reached(Limit limit, int running, int waiting, int max) {
    }

    public record Verdict(Outcome outcome, Optional<Reached> reached) {

        public static final Verdict START = new Verdict(Outcome.START, Optional.empty());
    }

    /** For a trigger arriving now: the per-issue-per-day limit refuses; a limit on running jobs queues or refuses. */
    public static Verdict onArrival(JobLimits.Values limits, Occupancy occupied) {
        if (limits.perIssuePerDay().filter(max -> occupied.issueToday() >= max).isPresent()) {
            return new Verdict(Outcome.REFUSE, Optional.of(new Reached(Limit.PER_ISSUE_PER_DAY, occupied.issueToday(),
                    0, limits.perIssuePerDay().get())));
        }
        Optional<Reached> full = fullScope(limits, occupied);
        if (full.isEmpty()) {
            return Verdict.START;
        }
        return new Verdict(limits.pastLimit() == JobLimits.PastLimit.QUEUE ? Outcome.QUEUE : Outcome.REFUSE, full);
    }

    /** For a job waiting in the queue, with the jobs that wait ahead of it counted as waiting: may it start now? */
    public static boolean mayStart(JobLimits.Values limits, Occupancy occupied) {
        return fullScope(limits, occupied).isEmpty();
    }

    private static Optional<Reached> fullScope(JobLimits.Values limits, Occupancy occupied) {
        return full(Limit.PER_PERSON, limits.perPerson(), occupied.person())
                .or(() -> full(Limit.PER_PROJECT, limits.perProject(), occupied.project()))
                .or(() -> full(Limit.INSTALLATION, limits.installation(), occupied.installation()));
    }

    private static Optional<Reached> full(Limit limit, Optional<Integer> max, Scope scope) {
        return max.filter(most -> scope.taken() >= most)
                .map(most -> new Reached(limit, scope.running(), scope.waiting(), most));
    }
}
