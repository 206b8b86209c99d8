package dev.openhands.jiradc.jira.entity;

/** Jira answered 404 on the 10.x webhook API: it is 9.x or older, and cannot sign webhook deliveries. */
public class Jira9Detected extends RuntimeException {

    public Jira9Detected(String message) {
        super(message);
    }
}
