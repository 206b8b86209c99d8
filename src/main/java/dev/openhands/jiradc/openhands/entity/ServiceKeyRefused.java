package dev.openhands.jiradc.openhands.entity;

/**
 * OpenHands does not accept this service's own key (or has none configured): no person's key can be had until an admin
 * fixes it. An outage as far as a trigger is concerned, retried and then reported; {@link #fix()} says what to do.
 */
public class ServiceKeyRefused extends OpenHandsUnavailable {

    private final String fix;

    public ServiceKeyRefused(String message, String fix) {
        super(message);
        this.fix = fix;
    }

    public String fix() {
        return fix;
    }
}
