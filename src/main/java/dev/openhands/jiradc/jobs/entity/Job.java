package dev.openhands.jiradc.jobs.entity;

import dev.openhands.jiradc.jira.entity.Visibility;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One trigger's OpenHands work, from the request to the report on the issue: at most one per trigger,
 * whatever retries or instances do. A job being followed carries when it is next looked at, so any
 * instance can take the following over.
 */
@Entity
@Table(name = "job")
@NamedQuery(name = Job.BY_TRIGGER, query = "select j from Job j where j.triggerId = :triggerId")
@NamedQuery(name = Job.FOLLOWED_ON_ISSUE, query = "select j from Job j where j.issueId = :issueId and j.status in"
        + " :followed order by j.createdAt desc")
@NamedQuery(name = Job.LATEST_ON_ISSUE, query = "select j from Job j where j.issueId = :issueId and j.conversationId is"
        + " not null and j.status <> dev.openhands.jiradc.jobs.entity.Job.Status.FORWARDED order by j.createdAt desc")
@NamedQuery(name = Job.RENEW_CLAIM, query = "update Job j set j.nextCheckAt = :until where j.id = :id and j.followedBy"
        + " = :instance and j.claims = :claim and j.nextCheckAt = :current")
@NamedQuery(name = Job.REQUEST_FIRST_START, query = "update Job j set j.startRequestedAt = :now, j.updatedAt = :now"
        + " where j.id = :id and j.status = dev.openhands.jiradc.jobs.entity.Job.Status.STARTING and j.startRequestedAt"
        + " is null")
@NamedQuery(name = Job.REQUEST_START_AGAIN, query = "update Job j set j.startRequestedAt = :now, j.updatedAt = :now"
        + " where j.id = :id and j.status = dev.openhands.jiradc.jobs.entity.Job.Status.STARTING and j.startRequestedAt"
        + " = :seen")
@NamedQuery(name = Job.ANNOUNCE_FIRST, query = "update Job j set j.announcingAt = :now where j.id = :id and"
        + " j.announcedAt is null and j.announcingAt is null")
@NamedQuery(name = Job.ANNOUNCE_AGAIN, query = "update Job j set j.announcingAt = :now where j.id = :id and"
        + " j.announcedAt is null and j.announcingAt < :expired")
@NamedQuery(name = Job.COUNT_OF_ACCOUNT, query = "select count(j) from Job j where j.accountId = :account and j.status"
        + " in :statuses")
@NamedQuery(name = Job.COUNT_IN_PROJECT, query = "select count(j) from Job j where j.projectKey = :project and j.status"
        + " in :statuses")
@NamedQuery(name = Job.COUNT_ALL, query = "select count(j) from Job j where j.status in :statuses")
@NamedQuery(name = Job.COUNT_ASKED_ON_ISSUE, query = "select count(j) from Job j where j.issueId = :issueId and"
        + " j.createdAt > :since and j.status <> dev.openhands.jiradc.jobs.entity.Job.Status.FORWARDED")
@NamedQuery(name = Job.RUNNING_PER_ACCOUNT, query = "select j.accountId, count(j) from Job j where j.status in"
        + " :statuses group by j.accountId")
@NamedQuery(name = Job.RUNNING_PER_PROJECT, query = "select j.projectKey, count(j) from Job j where j.status in"
        + " :statuses and j.projectKey is not null group by j.projectKey")
@NamedQuery(name = Job.IN_STATUSES, query = "select j from Job j where j.status in :statuses order by j.createdAt,"
        + " j.id")
@NamedQuery(name = Job.ANNOUNCING_FAILED, query = "update Job j set j.announcingAt = :expired where j.id = :id"
        + " and j.announcedAt is null and j.announcingAt = :claimed")
public class Job {

    public static final String BY_TRIGGER = "Job.byTrigger";
    public static final String RENEW_CLAIM = "Job.renewClaim";
    public static final String REQUEST_FIRST_START = "Job.requestFirstStart";
    public static final String REQUEST_START_AGAIN = "Job.requestStartAgain";
    public static final String FOLLOWED_ON_ISSUE = "Job.followedOnIssue";
    public static final String LATEST_ON_ISSUE = "Job.latestOnIssue";
    public static final String ANNOUNCE_FIRST = "Job.announceFirst";
    public static final String ANNOUNCE_AGAIN = "Job.announceAgain";
    public static final String ANNOUNCING_FAILED = "Job.announcingFailed";
    public static final String COUNT_OF_ACCOUNT = "Job.countOfAccount";
    public static final String COUNT_IN_PROJECT = "Job.countInProject";
    public static final String COUNT_ALL = "Job.countAll";
    public static final String COUNT_ASKED_ON_ISSUE = "Job.countAskedOnIssue";
    public static final String RUNNING_PER_ACCOUNT = "Job.runningPerAccount";
    public static final String RUNNING_PER_PROJECT = "Job.runningPerProject";
    public static final String IN_STATUSES = "Job.inStatuses";
    /** How far a next check may fall from its interval, as a share of it, either way. */
    static final double JITTER = 0.1;

    public enum Status {
        /**
         * Waiting for a slot under the limits, in the order of its creation; its trigger is processed again when it
         * is let in, and it becomes {@link #STARTING}.
         */
        QUEUED,
        /** Recorded before OpenHands is asked, so a second attempt knows one may be under way. */
        STARTING,
        /** OpenHands accepted it; followed until it ends. */
        STARTED,
        /** Followed, but silent for longer than the limit; said once on the issue. */
        STALE,
        /** The conversation finished; the summary is on the issue. */
        FINISHED,
        /** OpenHands could not start it or it ended in an error; the reason is on the issue. */
        FAILED,
        /** No longer followed: the issue was deleted, or OpenHands no longer answers for it. */
        STOPPED,
        /** A follow-up comment passed on to the conversation of the job named by {@code followUpOf}. */
        FORWARDED;

        public static final List<Status> FOLLOWED = List.of(STARTED, STALE);
        /** What takes a slot under the limits: from its admission to its end. */
        public static final List<Status> RUNNING = List.of(STARTING, STARTED, STALE);
        /** What an admin sees as under way: running or waiting. */
        public static final List<Status> ACTIVE = List.of(QUEUED, STARTING, STARTED, STALE);

        public boolean followed() {
            return FOLLOWED.contains(this);
        }
    }

    @Id
    private String id;

    @Column(name = "trigger_id", nullable = false, unique = true)
    private String triggerId;

    @Column(name = "issue_id", nullable = false)
    private String issueId;

    @Column(name = "issue_key", nullable = false)
    private String issueKey;

    @Column(name = "project_key")
    private String projectKey;

    @Column(name = "comment_id")
    private String commentId;

    @Column(name = "account_id", nullable = false)
    private String accountId;

    @Column(name = "actor_name", nullable = false)
    private String actorName;

    @Column(nullable = false)
    private String repository;

    @Column(name = "follow_up_of")
    private String followUpOf;

    @Column(name = "visibility_type")
    private String visibilityType;

    @Column(name = "visibility_value")
    private String visibilityValue;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "start_task_id")
    private String startTaskId;

    @Column(name = "conversation_id")
    private String conversationId;

    @Column(name = "task_status")
    private String taskStatus;

    @Column(name = "execution_status")
    private String executionStatus;

    @Column(name = "last_event_id")
    private String lastEventId;

    @Column(name = "last_change_at")
    private Instant lastChangeAt;

    @Column(name = "next_check_at")
    private Instant nextCheckAt;

    @Column(name = "followed_by")
    private String followedBy;

    @Column(nullable = false)
    private int claims;

    @Column(name = "start_requested_at")
    private Instant startRequestedAt;

    @Column(name = "check_interval_ms", nullable = false)
    private long checkIntervalMs;

    @Column(name = "stale_reported_at")
    private Instant staleReportedAt;

    @Column(name = "repository_named_in")
    private String repositoryNamedIn;

    @Column(name = "announcing_at")
    private Instant announcingAt;

    @Column(name = "announced_at")
    private Instant announcedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "pull_requests")
    private String pullRequests;

    @Column(length = 2000)
    private String outcome;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Job() {
    }

    public Job(String triggerId, JobRequest request, Instant now) {
        this(triggerId, request, Status.STARTING, now);
    }

    /** @param status {@link Status#STARTING}, or {@link Status#QUEUED} for a job that waits for a slot */
    public Job(String triggerId, JobRequest request, Status status, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.triggerId = triggerId;
        this.issueId = request.issueId();
        this.issueKey = request.issueKey();
        this.projectKey = projectOf(request.issueKey());
        this.commentId = request.commentId().orElse(null);
        this.accountId = request.accountId();
        this.actorName = request.actorName();
        this.repository = request.repository();
        this.followUpOf = request.followUpOf().orElse(null);
        this.visibilityType = request.replyVisibility().map(Visibility::type).orElse(null);
        this.visibilityValue = request.replyVisibility().map(Visibility::value).orElse(null);
        this.repositoryNamedIn = request.repositoryNamedIn().orElse(null);
        this.status = status;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** The Jira project of an issue: its key before the dash. */
    public static String projectOf(String issueKey) {
        int dash = issueKey.indexOf('-');
        return dash > 0 ? issueKey.substring(0, dash) : issueKey;
    }

    /** A slot freed: the queued job may start, and its trigger is processed again to start it. */
    public void admitted(Instant now) {
        if (status != Status.QUEUED) {
            throw new IllegalStateException("only a queued job is admitted, not one " + status);
        }
        this.status = Status.STARTING;
        this.updatedAt = now;
    }

    /**
     * An admin stopped the job: it ends as stopped, and a check under way (claimed before) finds its claim taken over,
     * so that it records nothing over this.
     */
    public void stoppedByAdmin(String reason, Instant now) {
        this.claims++;
        this.followedBy = null;
        end(Status.STOPPED, reason, now);
    }

    /** Whether the job takes a slot under the limits. */
    public boolean running() {
        return Status.RUNNING.contains(status);
    }

    /** OpenHands accepted the job: its follower looks at it at once, to say on the issue that it started. */
    public void started(String startTaskId, String conversationId, Instant now, Duration interval) {
        this.status = Status.STARTED;
        this.startTaskId = startTaskId;
        this.conversationId = conversationId;
        this.lastChangeAt = now;
        this.nextCheckAt = now;
        this.checkIntervalMs = interval.toMillis();
        this.updatedAt = now;
    }

    /**
     * Whether the "I'm on it" comment is this check's to say, and with the link or without: with it as soon as the
     * conversation is known, without it once {@code linkWait} has passed since OpenHands was asked, so that nobody is
     * left without an answer; until then, {@link Announcement#WAIT_FOR_LINK}. A job its trigger announced (as versions
     * before the follower said it did: they left no {@code repositoryNamedIn}) is not announced again.
     *
     * @param conversationSeen the conversation id, if this check or an earlier one learned it
     */
    public Announcement announcement(Optional<String> conversationSeen, Instant now, Duration linkWait) {
        if (announcedAt != null || repositoryNamedIn == null || !status.followed()) {
            return Announcement.NOT_DUE;
        }
        if (conversationSeen.isPresent()) {
            return Announcement.WITH_LINK;
        }
        return now.isBefore(linkDeadline(linkWait)) ? Announcement.WAIT_FOR_LINK : Announcement.WITHOUT_LINK;
    }

    /**
     * While the comment waits for the link, the job is looked at every {@code pace}, and once more as the wait ends.
     */
    public void awaitLink(Instant now, Duration pace, Duration linkWait) {
        Instant next = now.plus(pace);
        Instant deadline = linkDeadline(linkWait);
        this.nextCheckAt = deadline.isBefore(next) && deadline.isAfter(now) ? deadline : next;
        this.updatedAt = now;
    }

    private Instant linkDeadline(Duration linkWait) {
        return (startRequestedAt != null ? startRequestedAt : createdAt).plus(linkWait);
    }

    /** This snapshot's check claimed the saying of the "I'm on it" comment (the database holds the same). */
    public void announcingSince(Instant claimed) {
        this.announcingAt = claimed;
    }

    /** When an instance began saying the "I'm on it" comment, if one did. */
    public Optional<Instant> announcingAt() {
        return Optional.ofNullable(announcingAt);
    }

    /** The issue says the job started: its next check comes {@code after} that. */
    public void announced(Instant now, Duration after) {
        this.announcedAt = now;
        this.updatedAt = now;
        if (status.followed()) {
            this.nextCheckAt = now.plus(after);
        }
    }

    /** The follow-up went to {@code target}'s conversation instead of a new one. */
    public void forwardedTo(Job target, Instant now) {
        this.status = Status.FORWARDED;
        this.followUpOf = target.id;
        this.conversationId = target.conversationId;
        this.finishedAt = now;
        this.updatedAt = now;
    }

    /** Taken by one instance for one check; no other takes it before {@code until}, unless the claim runs out. */
    public void claim(String instance, Instant until) {
        this.followedBy = instance;
        this.nextCheckAt = until;
        this.claims++;
    }

    /**
     * Whether this record is still under the claim {@code claimed} was taken with: no other instance took it over
     * since.
     */
    public boolean stillClaimedAs(Job claimed) {
        return claims == claimed.claims && Objects.equals(followedBy, claimed.followedBy);
    }

    /** The claim taken with this snapshot, and until when it holds: for renewing it while the check runs. */
    public int claimNumber() {
        return claims;
    }

    public Instant claimedUntil() {
        return nextCheckAt;
    }

    /** The claim taken with this snapshot was renewed (the database holds the same). */
    public void claimRenewed(Instant until) {
        this.nextCheckAt = until;
    }

    /** When OpenHands was last asked to start this job's conversation, if an attempt asked and did not see it start. */
    public Optional<Instant> startRequestedAt() {
        return Optional.ofNullable(startRequestedAt);
    }

    /** OpenHands answered the start with a refusal: nothing was started, and nothing is on its way. */
    public void startNotMade() {
        this.startRequestedAt = null;
    }

    /**
     * What OpenHands says now. Anything new resets the wait to the shortest interval (and a stale job is
     * followed as usual again); nothing new doubles it, up to the longest.
     *
     * @return whether anything changed since the last check
     */
    public boolean observed(Observation seen, Instant now, Duration shortest, Duration longest) {
        boolean changed = !Objects.equals(taskStatus, seen.taskStatus())
                || !Objects.equals(executionStatus, seen.executionStatus())
                || !Objects.equals(lastEventId, seen.lastEventId())
                || (conversationId == null && seen.conversationId() != null);
        if (seen.conversationId() != null) {
            conversationId = seen.conversationId();
        }
        taskStatus = seen.taskStatus();
        executionStatus = seen.executionStatus();
        lastEventId = seen.lastEventId();
        if (changed) {
            lastChangeAt = now;
            if (status == Status.STALE) {
                status = Status.STARTED;
            }
        }
        scheduleNext(changed, now, shortest, longest);
        return changed;
    }

    /** A check could not be made (OpenHands or Jira did not answer): look again later, backing off. */
    public void postponed(Instant now, Duration shortest, Duration longest) {
        scheduleNext(false, now, shortest, longest);
    }

    private void scheduleNext(boolean changed, Instant now, Duration shortest, Duration longest) {
        Duration doubled = Duration.ofMillis(Math.max(checkIntervalMs, shortest.toMillis()) * 2);
        Duration interval = changed ? shortest : doubled.compareTo(longest) > 0 ? longest : doubled;
        checkIntervalMs = interval.toMillis();
        nextCheckAt = now.plus(jittered(interval));
        updatedAt = now;
    }

    /**
     * The interval give or take {@link #JITTER} of it, drawn anew each time: jobs checked together (all overdue after a
     * restart, all failing in an outage of OpenHands) would otherwise stay together, and every later check would come
     * as one burst.
     */
    static Duration jittered(Duration interval) {
        long band = (long) (interval.toMillis() * JITTER);
        return band == 0 ? interval : interval.plusMillis(ThreadLocalRandom.current().nextLong(-band, band + 1));
    }

    /**
     * Found overdue when following resumes (every instance was down): its next check anywhere within its interval from
     * {@code now}, drawn at random, so that jobs overdue together are not all checked at once, and then due together at
     * every later check. A job still to say "I'm on it" is left due, to say it without more delay.
     */
    public void resumed(Instant now) {
        if (announcedAt != null && status.followed() && checkIntervalMs > 0) {
            this.nextCheckAt = now.plusMillis(ThreadLocalRandom.current().nextLong(checkIntervalMs));
        }
    }

    /**
     * Silent for longer than {@code limit}: marks the job stale. True while that is not yet said on the issue (once per
     * job), so that a notice Jira refused is tried again at the next check.
     */
    public boolean staleAfter(Duration limit, Instant now) {
        if (status == Status.STARTED && lastChangeAt != null && lastChangeAt.plus(limit).isBefore(now)) {
            status = Status.STALE;
            updatedAt = now;
        }
        return status == Status.STALE && staleReportedAt == null;
    }

    /** The issue was told that the job seems stuck. */
    public void staleReported(Instant now) {
        staleReportedAt = now;
        updatedAt = now;
    }

    public void finished(String summary, List<String> pullRequestLinks, Instant now) {
        end(Status.FINISHED, summary, now);
        this.pullRequests = pullRequestLinks.isEmpty() ? null : shorten(String.join(" ", pullRequestLinks), 255);
    }

    public void failed(String reason, Instant now) {
        end(Status.FAILED, reason, now);
    }

    public void stopped(String reason, Instant now) {
        end(Status.STOPPED, reason, now);
    }

    private void end(Status finalStatus, String text, Instant now) {
        this.status = finalStatus;
        this.outcome = shorten(text, 2000);
        this.finishedAt = now;
        this.nextCheckAt = null;
        this.updatedAt = now;
    }

    private static String shorten(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    public String id() {
        return id;
    }

    public Status status() {
        return status;
    }

    public String triggerId() {
        return triggerId;
    }

    public String issueId() {
        return issueId;
    }

    public String issueKey() {
        return issueKey;
    }

    public String projectKey() {
        return projectKey != null ? projectKey : projectOf(issueKey);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String accountId() {
        return accountId;
    }

    public String actorName() {
        return actorName;
    }

    /** Who may see comments about this job: those who could see the comment that asked for it. */
    public Optional<Visibility> replyVisibility() {
        return visibilityType == null ? Optional.empty() : Optional.of(new Visibility(visibilityType, visibilityValue));
    }

    public String repository() {
        return repository;
    }

    public Optional<String> startTaskId() {
        return Optional.ofNullable(startTaskId);
    }

    public Optional<String> conversationId() {
        return Optional.ofNullable(conversationId);
    }

    public Optional<String> executionStatus() {
        return Optional.ofNullable(executionStatus);
    }

    /** The trigger comment that asked for the job; empty when a label asked. */
    public Optional<String> commentId() {
        return Optional.ofNullable(commentId);
    }

    /** Where the repository was named, as the "I'm on it" comment says it. */
    public Optional<String> repositoryNamedIn() {
        return Optional.ofNullable(repositoryNamedIn);
    }

    public Optional<String> outcome() {
        return Optional.ofNullable(outcome);
    }

    public boolean announced() {
        return announcedAt != null;
    }

    /** When the job is looked at next; empty once it is no longer followed. */
    public Optional<Instant> nextCheckAt() {
        return Optional.ofNullable(nextCheckAt);
    }

    public Instant lastChangeAt() {
        return lastChangeAt;
    }

    /** What is due of the "I'm on it" comment at a check. */
    public enum Announcement {
        /** Said already, or not this check's to say. */
        NOT_DUE,
        /** Say it now, with the link to the conversation. */
        WITH_LINK,
        /** The link wait is over: say it now, linking the list of conversations. */
        WITHOUT_LINK,
        /** Look again soon: the conversation may get its id within the link wait. */
        WAIT_FOR_LINK
    }

    /**
     * Who says the "I'm on it" comment: this instance, and whether another may have said it already, or another
     * instance now.
     */
    public enum AnnouncementClaim {
        /** No instance began saying it: say it. */
        FIRST,
        /**
         * An instance began saying it longer ago than its claim lasts, and may have said it before it stopped: look
         * first.
         */
        AGAIN,
        /** Another instance is saying it. */
        TAKEN
    }

    /** What a check made of a job: news, nothing new, or silence long enough to be said. */
    public enum Progress {
        NEWS, NOTHING_NEW, BECAME_STALE
    }

    /** What a check of OpenHands found: the start task's status, the conversation's, and its newest event. */
    public record Observation(String taskStatus, String conversationId, String executionStatus, String lastEventId) {
    }
}
