package dev.openhands.jiradc.accounts.control;

import jakarta.ws.rs.BadRequestException;
import java.util.Optional;

/** OpenHands says the pasted key belongs to someone else, or cannot say that it is the caller's. */
public class NotYourApiKey extends BadRequestException {

    public NotYourApiKey(String accountEmail, Optional<String> ownerEmail) {
        super(ownerEmail.isPresent()
                ? "This API key belongs to another OpenHands user, not to " + accountEmail
                        + ". Create a key while signed in to OpenHands as yourself."
                : "OpenHands does not say that this API key is yours: its user has no email address, and is not the"
                        + " OpenHands user you signed in here as. Create a key while signed in to OpenHands as"
                        + " yourself.");
    }
}
