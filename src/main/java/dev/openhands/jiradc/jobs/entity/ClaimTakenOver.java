package dev.openhands.jiradc.jobs.entity;

/** A check outlived its claim on a job and another instance took the job over: what it saw is not recorded. */
public class ClaimTakenOver extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ClaimTakenOver(String message) {
        super(message);
    }
}
