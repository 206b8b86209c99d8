package dev.openhands.jiradc.projects.entity;

/** An admin's project mapping that does not hold together; the message says what to write instead (a 400). */
public class MappingRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MappingRefused(String message) {
        super(message);
    }
}
