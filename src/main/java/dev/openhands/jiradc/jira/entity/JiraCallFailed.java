package dev.openhands.jiradc.jira.entity;

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

    public JiraCallFailed(Kind kind, int status, String errorCode, String message) {
        super(message);
        this.kind = kind;
        this.status = status;
        this.errorCode = errorCode;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status Jira answered with, or 0 when it did not answer. */
    public int status() {
        return status;
    }

    /** The OAuth {@code error} code Jira gave ({@code invalid_grant}, ...), or empty. */
    public String errorCode() {
        return errorCode;
    }
}
