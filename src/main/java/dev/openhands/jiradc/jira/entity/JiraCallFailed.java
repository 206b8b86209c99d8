package dev.openhands.jiradc.jira.entity;

import java.time.Duration;
import java.util.Optional;
/** A call to Jira that did not succeed, with what happened in words a Jira admin can act on. */
public class JiraCallFailed extends RuntimeException {

    public enum Kind {
        /** No connection: DNS, refused, timeout. */
        UNREACHABLE,
        /** Jira's certificate is not trusted. */
        TLS,
        /** Jira answered, and said no (4xx). */
        REFUSED,
        /** Jira answered with a server error (5xx) or something unreadable. */
        FAILED
    }

    private final Kind kind;
    private final int status;
    private final String errorCode;
    private final Optional<Duration> retryAfter;

    public JiraCallFailed(Kind kind, int status, String errorCode, String message) {
        this(kind, status, errorCode, message, Optional.empty());
    }

    public JiraCallFailed(Kind kind, int status, String errorCode, String message, Optional<Duration> retryAfter) {
        super(message);
        this.kind = kind;
        this.status = status;
        this.errorCode = errorCode;
        this.retryAfter = retryAfter;
    }

    /** How long Jira asked to wait (429 with {@code Retry-After}). */
    public Optional<Duration> retryAfter() {
        return retryAfter;
    }

    /** Jira answered, but failed (5xx), or did not answer, or asked to slow down: worth trying again later. */
    public boolean transientFailure() {
        return kind == Kind.UNREACHABLE || kind == Kind.FAILED || status == 429;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status Jira answered with, or 0 when it did not answer, or not with an error it could be read by. */
    public int status() {
        return status;
    }

    /** The OAuth {@code error} code Jira gave ({@code invalid_grant}, ...), or empty. */
    public String errorCode() {
        return errorCode;
    }
}
