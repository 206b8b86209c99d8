package dev.openhands.jiradc.testing.openhands;

import java.util.List;

/**
 * What an API's own description says of one exchange with a stand-in for it; behind an interface so the validating
 * library can change.
 */
public interface ApiContract {

    /**
     * Every way the request, or the answer the stand-in gave, departs from the description; empty when both conform.
     */
    List<String> violations(ApiExchange exchange);
}
