package dev.openhands.jiradc.testing.openhands;

import java.util.ArrayList;
import java.util.List;

/**
 * OpenHands' own published API description ({@code src/test/resources/openhands-api}) as the judge of every exchange
 * with the OpenHands stand-in, so that a stub written from our own reading of the API cannot keep the tests green.
 *
 * <p>Credentials are checked as the OpenHands server reads them, not as the document's security scheme names them: the
 * document names only the header {@code X-Access-Token}, the server also takes {@code Authorization: Bearer <key>},
 * which this service sends. A secured operation must carry one of the two; an operation that declares
 * {@code X-Service-API-Key} (service to service, {@code /api/service/...}) must carry that.
 */
public final class OpenHandsContract implements ApiContract {

    private static final OpenApiContract DESCRIPTION = OpenApiContract
            .fromResource("/openhands-api/openhands-cloud-subset.json");
    private static final String SERVICE_KEY = "X-Service-API-Key";

    @Override
    public List<String> violations(ApiExchange exchange) {
        List<String> found = new ArrayList<>(DESCRIPTION.violations(exchange));
        DESCRIPTION.operation(exchange.method(), exchange.path()).ifPresent(operation -> {
            if (operation.secured() && !bearer(exchange)
                    && exchange.header("X-Access-Token").filter(key -> !key.isBlank()).isEmpty()) {
                found.add(
                        "no credentials: a secured operation needs 'Authorization: Bearer <key>' or 'X-Access-Token'");
            }
            if (operation.declaresHeader(SERVICE_KEY)
                    && exchange.header(SERVICE_KEY).filter(key -> !key.isBlank()).isEmpty()) {
                found.add("no service key: this service-to-service operation needs the header " + SERVICE_KEY);
            }
        });
        return found;
    }

    /**
     * The schemas a record of the REST clients stands for: the schema of its name, and its {@code -Input} and
     * {@code -Output} variants (the description splits a schema used both ways); none when it is named after none.
     */
    public static List<String> schemasNamed(String name) {
        return java.util.stream.Stream.of(name, name + "-Input", name + "-Output").filter(DESCRIPTION::hasSchema)
                .toList();
    }

    /** The properties the schema describes; of a union of kinds ({@code Event-Output}), those of every kind. */
    public static java.util.Set<String> properties(String schema) {
        return DESCRIPTION.properties(schema);
    }

    /** The values the enum schema lists. */
    public static List<String> enumValues(String schema) {
        return DESCRIPTION.enumValues(schema);
    }

    private static boolean bearer(ApiExchange exchange) {
        return exchange.header("Authorization")
                .filter(value -> value.startsWith("Bearer ") && !value.substring(7).isBlank()).isPresent();
    }
}
