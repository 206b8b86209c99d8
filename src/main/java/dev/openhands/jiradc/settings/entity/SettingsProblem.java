package dev.openhands.jiradc.settings.entity;

/** One invalid or missing configuration value: the key and what to do about it. Never holds a secret. */
public record SettingsProblem(String key, String message) {

    @Override
    public String toString() {
        return key + ": " + message;
    }
}
