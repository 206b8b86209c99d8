package dev.openhands.jiradc.jobs.entity;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JobTest {

    static final Duration SHORTEST = Duration.ofSeconds(15);
    static final Duration LONGEST = Duration.ofMinutes(1);
    static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");

    static final Duration LINK_WAIT = Duration.ofSeconds(20);
    static final Duration PACE = Duration.ofSeconds(2);

    Job job = new Job("trigger-1",
            new JobRequest("10001", "ACME-1", Optional.of("20001"), "account-1", "alice", "acme/web-app",
                    Optional.empty(), Optional.empty(), Optional.of("the issue's description")),
            T0);

    Job.Observation running(String newestEvent) {
        return new Job.Observation("READY", "conv-1", "running", newestEvent);
    }

    @Test
    void nothingNewDoublesTheWaitUpToTheLongestAndNewsResetsIt() {
        job.started("task-1", "conv-1", T0, SHORTEST);
        assertTrue(job.observed(running("e1"), T0, SHORTEST, LONGEST), "the first event is news");
        assertAbout(SHORTEST, wait(T0));
        assertFalse(job.observed(running("e1"), T0, SHORTEST, LONGEST));
        assertAbout(Duration.ofSeconds(30), wait(T0));
        job.observed(running("e1"), T0, SHORTEST, LONGEST);
        assertAbout(LONGEST, wait(T0));
        job.observed(running("e1"), T0, SHORTEST, LONGEST);
        assertAbout(LONGEST, wait(T0));
        assertTrue(job.observed(running("e2"), T0, SHORTEST, LONGEST));
        assertAbout(SHORTEST, wait(T0));
    }

    @Test
    void aFailedCheckBacksOffWithoutCountingAsNews() {
        job.started("task-1", "conv-1", T0, SHORTEST);
        job.postponed(T0, SHORTEST, LONGEST);
        assertAbout(Duration.ofSeconds(30), wait(T0));
        assertEquals(T0, job.lastChangeAt());
    }

    @Test
    void aSilentJobBecomesStaleOnceAndIsFollowedAgainWhenItMoves() {
        job.started("task-1", "conv-1", T0, SHORTEST);
        job.observed(running("e1"), T0, SHORTEST, LONGEST);
        Duration limit = Duration.ofHours(1);
        assertFalse(job.staleAfter(limit, T0.plus(Duration.ofMinutes(59))));
        assertTrue(job.staleAfter(limit, T0.plus(Duration.ofMinutes(61))), "said the first time");
        assertEquals(Job.Status.STALE, job.status());
        assertTrue(job.status().followed(), "a stale job is still followed");
        assertTrue(job.staleAfter(limit, T0.plus(Duration.ofMinutes(62))),
                "until the issue was told, for Jira may have refused");
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
        job.started("task-1", "conv-1", T0, SHORTEST);
        job.finished("Done", List.of("[pull request #1|https://github.com/acme/web-app/pull/1]"), T0);
        assertEquals(Job.Status.FINISHED, job.status());
        assertFalse(job.status().followed());
        assertTrue(job.nextCheckAt().isEmpty());
        assertFalse(job.staleAfter(Duration.ZERO, T0.plusSeconds(10)));
    }

    @Test
    void aStartedJobIsLookedAtAtOnceSoThatItsStartIsSaidWithoutDelay() {
        job.started("task-1", null, T0, SHORTEST);
        assertEquals(Optional.of(T0), job.nextCheckAt());
    }

    @Test
    void iAmOnItWaitsForTheLinkUntilTheLinkWaitIsOverThenGoesWithoutIt() {
        job.started("task-1", null, T0, SHORTEST);
        assertEquals(Job.Announcement.WAIT_FOR_LINK, job.announcement(Optional.empty(), T0.plusSeconds(1), LINK_WAIT));
        assertEquals(Job.Announcement.WITH_LINK, job.announcement(Optional.of("conv-1"), T0.plusSeconds(1), LINK_WAIT),
                "the link as soon as the conversation is known");
        assertEquals(Job.Announcement.WAIT_FOR_LINK, job.announcement(Optional.empty(), T0.plusSeconds(19), LINK_WAIT));
        assertEquals(Job.Announcement.WITHOUT_LINK, job.announcement(Optional.empty(), T0.plusSeconds(20), LINK_WAIT),
                "nobody is left without an answer");
        assertEquals(Job.Announcement.WITH_LINK, job.announcement(Optional.of("conv-1"), T0.plusSeconds(60), LINK_WAIT),
                "with the link when it is known, however late");
        assertEquals(Job.Announcement.WITHOUT_LINK, job.announcement(Optional.empty(), T0, Duration.ZERO),
                "no link wait");
    }

    @Test
    void withoutARecordedAskTheLinkWaitCountsFromTheJobsRecord() {
        assertTrue(job.startRequestedAt().isEmpty());
        job.started("task-1", null, T0.plusSeconds(40), SHORTEST);
        assertEquals(Job.Announcement.WITHOUT_LINK, job.announcement(Optional.empty(), T0.plusSeconds(41), LINK_WAIT));
    }

    @Test
    void whileItWaitsForTheLinkTheJobIsLookedAtAtAShortPaceAndOnceMoreAsTheWaitEnds() {
        job.started("task-1", null, T0, SHORTEST);
        job.awaitLink(T0, PACE, LINK_WAIT);
        assertEquals(Optional.of(T0.plus(PACE)), job.nextCheckAt(), "not the poll interval of a running job");
        job.awaitLink(T0.plusSeconds(19), PACE, LINK_WAIT);
        assertEquals(Optional.of(T0.plus(LINK_WAIT)), job.nextCheckAt(), "the last look as the wait ends, not after");
    }

    @Test
    void onceSaidTheStartIsNotSaidAgainAndFollowingGoesOnAtTheUsualPace() {
        job.started("task-1", null, T0, SHORTEST);
        job.announced(T0.plusSeconds(3), SHORTEST);
        assertEquals(Job.Announcement.NOT_DUE, job.announcement(Optional.of("conv-1"), T0.plusSeconds(4), LINK_WAIT));
        assertEquals(Optional.of(T0.plusSeconds(3).plus(SHORTEST)), job.nextCheckAt());
    }

    @Test
    void aJobItsTriggerAnnouncedIsNotAnnouncedByTheFollower() {
        Job fromTheVersionBefore = new Job("trigger-3",
                new JobRequest("10001", "ACME-1", Optional.of("20003"), "account-1",
                        "alice", "acme/web-app", Optional.empty(), Optional.empty(), Optional.empty()),
                T0);
        fromTheVersionBefore.started("task-3", null, T0, SHORTEST);
        assertEquals(Job.Announcement.NOT_DUE,
                fromTheVersionBefore.announcement(Optional.of("conv-3"), T0.plusSeconds(30),
                        LINK_WAIT));
    }

    @Test
    void anEndedJobIsNotAnnounced() {
        job.started("task-1", null, T0, SHORTEST);
        job.failed("OpenHands could not start the conversation", T0.plusSeconds(1));
        assertEquals(Job.Announcement.NOT_DUE, job.announcement(Optional.empty(), T0.plusSeconds(30), LINK_WAIT),
                "its failure is said instead");
    }

    @Test
    void jobsPostponedAtTheSameInstantSpreadTheirNextChecksOverTheBand() {
        List<Instant> next = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            Job one = new Job("trigger-" + i, new JobRequest("10001", "ACME-1", Optional.empty(), "account-1", "alice",
                    "acme/web-app", Optional.empty(), Optional.empty(), Optional.empty()), T0);
            one.started("task-" + i, "conv-" + i, T0, SHORTEST);
            one.postponed(T0, SHORTEST, LONGEST);
            next.add(one.nextCheckAt().orElseThrow());
        }
        // the wait doubled to 30 s: every next check within 27 s to 33 s, and each sixth of that band holds some of
        // them
        int[] perSixth = new int[6];
        for (Instant at : next) {
            Duration wait = Duration.between(T0, at);
            assertAbout(Duration.ofSeconds(30), wait);
            perSixth[(int) Math.min(5, (wait.toMillis() - 27_000) / 1_000)]++;
        }
        for (int count : perSixth) {
            assertTrue(count > 100, "a sixth of the band holds " + count + " of 1,000: " + Arrays.toString(perSixth));
        }
    }

    @Test
    void overdueJobsResumedAtTheSameInstantAreSpreadOverTheirIntervalButOneStillToAnnounceStaysDue() {
        List<Instant> next = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            Job one = new Job("trigger-" + i, new JobRequest("10001", "ACME-1", Optional.empty(), "account-1", "alice",
                    "acme/web-app", Optional.empty(), Optional.empty(), Optional.of("the issue's description")), T0);
            one.started("task-" + i, "conv-" + i, T0, SHORTEST);
            one.announced(T0, SHORTEST);
            one.resumed(T0.plusSeconds(60));
            next.add(one.nextCheckAt().orElseThrow());
        }
        int[] perThird = new int[3];
        for (Instant at : next) {
            Duration wait = Duration.between(T0.plusSeconds(60), at);
            assertTrue(!wait.isNegative() && wait.compareTo(SHORTEST) < 0, wait + " is not within the interval");
            perThird[(int) (wait.toMillis() / 5_000)]++;
        }
        for (int count : perThird) {
            assertTrue(count > 250,
                    "a third of the interval holds " + count + " of 1,000: " + Arrays.toString(perThird));
        }

        job.started("task-1", null, T0, SHORTEST);
        job.resumed(T0.plusSeconds(60));
        assertEquals(Optional.of(T0), job.nextCheckAt(), "\"I'm on it\" is not put off");
    }

    /** The interval, give or take the jitter of a tenth of it. */
    private static void assertAbout(Duration interval, Duration wait) {
        Duration band = interval.dividedBy(10);
        assertTrue(wait.compareTo(interval.minus(band)) >= 0 && wait.compareTo(interval.plus(band)) <= 0,
                wait + " is not within " + interval + " ± " + band);
    }

    private Duration wait(Instant from) {
        return Duration.between(from, job.nextCheckAt().orElseThrow());
    }
}
