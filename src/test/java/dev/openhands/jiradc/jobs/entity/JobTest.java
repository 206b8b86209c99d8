package dev.openhands.jiradc.jobs.entity;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JobTest {

    static final Duration SHORTEST = Duration.ofSeconds(15);
    static final Duration LONGEST = Duration.ofMinutes(1);
    static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");

    Job job = new Job("trigger-1", new JobRequest("10001", "ACME-1", Optional.of("20001"), "account-1", "alice", "acme/web-app",
            Optional.empty(), Optional.empty()), T0);

    Job.Observation running(String newestEvent) {
        return new Job.Observation("READY", "conv-1", "running", newestEvent);
    }

    @Test
    void nothingNewDoublesTheWaitUpToTheLongestAndNewsResetsIt() {
        job.started("task-1", "conv-1", T0, T0.plusSeconds(30), SHORTEST);
        assertTrue(job.observed(running("e1"), T0, SHORTEST, LONGEST), "the first event is news");
        assertEquals(SHORTEST, wait(T0));
        assertFalse(job.observed(running("e1"), T0, SHORTEST, LONGEST));
        assertEquals(Duration.ofSeconds(30), wait(T0));
        job.observed(running("e1"), T0, SHORTEST, LONGEST);
        assertEquals(LONGEST, wait(T0));
        job.observed(running("e1"), T0, SHORTEST, LONGEST);
        assertEquals(LONGEST, wait(T0), "never longer than the longest");
        assertTrue(job.observed(running("e2"), T0, SHORTEST, LONGEST));
        assertEquals(SHORTEST, wait(T0));
    }

    @Test
    void aFailedCheckBacksOffWithoutCountingAsNews() {
        job.started("task-1", "conv-1", T0, T0, SHORTEST);
        job.postponed(T0, SHORTEST, LONGEST);
        assertEquals(Duration.ofSeconds(30), wait(T0));
        assertEquals(T0, job.lastChangeAt());
    }

    @Test
    void aSilentJobBecomesStaleOnceAndIsFollowedAgainWhenItMoves() {
        job.started("task-1", "conv-1", T0, T0, SHORTEST);
        job.observed(running("e1"), T0, SHORTEST, LONGEST);
        Duration limit = Duration.ofHours(1);
        assertFalse(job.staleAfter(limit, T0.plus(Duration.ofMinutes(59))));
        assertTrue(job.staleAfter(limit, T0.plus(Duration.ofMinutes(61))), "said the first time");
        assertEquals(Job.Status.STALE, job.status());
        assertTrue(job.status().followed(), "a stale job is still followed");
        assertTrue(job.staleAfter(limit, T0.plus(Duration.ofMinutes(62))), "until the issue was told, for Jira may have refused");
        job.staleReported(T0.plus(Duration.ofMinutes(62)));
        assertFalse(job.staleAfter(limit, T0.plus(Duration.ofMinutes(63))));

        Instant later = T0.plus(Duration.ofHours(2));
        job.observed(running("e2"), later, SHORTEST, LONGEST);
        assertEquals(Job.Status.STARTED, job.status());
        assertFalse(job.staleAfter(limit, later.plus(Duration.ofHours(2))), "stale is said only once per job");
        assertEquals(Job.Status.STALE, job.status());
    }

    @Test
    void anEndedJobIsNoLongerFollowed() {
        job.started("task-1", "conv-1", T0, T0, SHORTEST);
        job.finished("Done", List.of("[pull request #1|https://github.com/acme/web-app/pull/1]"), T0);
        assertEquals(Job.Status.FINISHED, job.status());
        assertFalse(job.status().followed());
        assertTrue(job.nextCheckAt().isEmpty());
        assertFalse(job.staleAfter(Duration.ZERO, T0.plusSeconds(10)));
    }

    private Duration wait(Instant from) {
        return Duration.between(from, job.nextCheckAt().orElseThrow());
    }
}
