package dev.openhands.jiradc.accounts.boundary;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.BadRequestException;
import java.util.Optional;

/** What {@code /api/integrations/jira-dc/account} takes and answers, in the JSON the settings page reads. */
public final class AccountJson {

    private AccountJson() {
    }

    /** Who is signed in; {@code openHandsApiKey} is {@code set}, {@code not set} or {@code managed}, never the key. */
    @JsonbPropertyOrder({"email", "displayName", "admin", "openHandsApiKey"})
    public record Summary(String email, String displayName, boolean admin, String openHandsApiKey) {
    }

    /** The key's state after saving or removing it. */
    public record KeyState(String openHandsApiKey) {
    }

    /** A pasted key. */
    public record PastedKey(String apiKey) {

        /** @return the key without surrounding blanks; @throws BadRequestException (400) when there is none */
        public static String required(PastedKey body) {
            return Optional.ofNullable(body).map(PastedKey::apiKey).map(String::trim).filter(key -> !key.isEmpty())
                    .orElseThrow(() -> new BadRequestException("Paste your OpenHands API key in the field 'apiKey'."));
        }
    }
}
