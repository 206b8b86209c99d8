package dev.openhands.jiradc.openhands.entity;

/** OpenHands answered that the API key is not valid. */
public class ApiKeyRefused extends RuntimeException {

    public ApiKeyRefused(String message) {
        super(message);
    }
}
