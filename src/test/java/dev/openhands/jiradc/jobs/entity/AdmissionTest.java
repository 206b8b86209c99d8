package dev.openhands.jiradc.jobs.entity;

import static org.junit.jupiter.api.Assertions.*;

import dev.openhands.jiradc.jobs.entity.Admission.Limit;
import dev.openhands.jiradc.jobs.entity.Admission.Occupancy;
import dev.openhands.jiradc.jobs.entity.Admission.Outcome;
import dev.openhands.jiradc.jobs.entity.Admission.Reached;
import dev.openhands.jiradc.jobs.entity.Admission.Scope;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdmissionTest {

    static JobLimits.Values limits(Integer person, Integer project, Integer all, Integer issueDay,
            JobLimits.PastLimit past) {
        return new JobLimits.Values(Optional.ofNullable(person), Optional.ofNullable(project),
                Optional.ofNullable(all), Optional.ofNullable(issueDay), past);
    }

    static Occupancy occupied(int personRunning, int personWaiting, int projectRunning, int allRunning,
            int issueToday) {
        return new Occupancy(new Scope(personRunning, personWaiting), new Scope(projectRunning, 0),
                new Scope(allRunning, 0), issueToday);
    }

    @Test
    void withoutLimitsEverythingStarts() {
        assertEquals(Outcome.START, Admission.onArrival(JobLimits.Values.NONE, occupied(50, 9, 500, 5000, 99))
                .outcome());
    }

    @Test
    void aFullPersonLimitQueuesOrRefusesAsSetAndSaysWhichLimitWithTheNumbers() {
        var queue = limits(2, null, null, null, JobLimits.PastLimit.QUEUE);
        assertEquals(Outcome.START, Admission.onArrival(queue, occupied(1, 0, 9, 9, 0)).outcome());
        var queued = Admission.onArrival(queue, occupied(2, 0, 9, 9, 0));
        assertEquals(Outcome.QUEUE, queued.outcome());
        assertEquals(Optional.of(new Reached(Limit.PER_PERSON, 2, 0, 2)), queued.reached());
        var refuse = limits(2, null, null, null, JobLimits.PastLimit.REFUSE);
        assertEquals(Outcome.REFUSE, Admission.onArrival(refuse, occupied(2, 0, 0, 0, 0)).outcome());
    }

    @Test
    void aJobWaitingAheadCountsSoALaterTriggerDoesNotOvertakeIt() {
        var queue = limits(2, null, null, null, JobLimits.PastLimit.QUEUE);
        var behind = Admission.onArrival(queue, occupied(1, 1, 0, 0, 0));
        assertEquals(Outcome.QUEUE, behind.outcome());
        assertEquals(Optional.of(new Reached(Limit.PER_PERSON, 1, 1, 2)), behind.reached());
        assertFalse(Admission.mayStart(queue, occupied(1, 1, 0, 0, 0)));
        assertTrue(Admission.mayStart(queue, occupied(1, 0, 0, 0, 0)));
    }

    @Test
    void theProjectAndInstallationLimitsCountTheirScopes() {
        var limits = limits(5, 3, 10, null, JobLimits.PastLimit.QUEUE);
        assertEquals(Limit.PER_PROJECT,
                Admission.onArrival(limits, occupied(0, 0, 3, 3, 0)).reached().orElseThrow().limit());
        assertEquals(Limit.INSTALLATION,
                Admission.onArrival(limits, occupied(0, 0, 0, 10, 0)).reached().orElseThrow().limit());
    }

    @Test
    void thePerIssuePerDayLimitRefusesEvenWhenTheOthersQueue() {
        var limits = limits(1, null, null, 3, JobLimits.PastLimit.QUEUE);
        var refused = Admission.onArrival(limits, occupied(5, 0, 0, 0, 3));
        assertEquals(Outcome.REFUSE, refused.outcome());
        assertEquals(Limit.PER_ISSUE_PER_DAY, refused.reached().orElseThrow().limit());
        assertEquals(Outcome.START, Admission.onArrival(limits, occupied(0, 0, 0, 0, 2)).outcome());
    }

    @Test
    void theProjectOfAnIssueIsItsKeyBeforeTheDash() {
        assertEquals("ACME_2", Job.projectOf("ACME_2-17"));
    }
}
