package dev.openhands.jiradc.openhands.entity;

/** OpenHands knows the conversation but does not serve its events: a job on it cannot be followed to its end. */
public class EventsNotServed extends RuntimeException {

    public EventsNotServed(String message) {
        super(message);
    }
}
