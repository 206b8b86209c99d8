package dev.openhands.jiradc.testing.openhands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An OpenAPI 3.1 document as the judge of an exchange: the path and method must be described, required parameters
 * present and every parameter and body valid, and the answer one the operation lists, its body valid when the
 * description gives one. Who may call (security) is left to the caller: real servers read more than they describe.
 */
final class OpenApiContract implements ApiContract {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode document;
    private final DescribedSchemas schemas;
    private final List<PathTemplate> paths = new ArrayList<>();

    private OpenApiContract(String text) {
        try {
            this.document = JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.schemas = new DescribedSchemas(text);
        document.path("paths").fieldNames().forEachRemaining(template -> paths.add(new PathTemplate(template)));
        paths.sort(Comparator.comparingLong(PathTemplate::variables));
    }

    static OpenApiContract fromResource(String name) {
        try (InputStream in = OpenApiContract.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the test class path");
            }
            return new OpenApiContract(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An operation of the document: where it is (a JSON pointer), what it says, and the path's values for its
     * variables.
     */
    record Operation(String template, String pointer, JsonNode node, java.util.Map<String, String> pathValues) {

        boolean secured() {
            return node.path("security").size() > 0;
        }

        boolean declaresHeader(String name) {
            for (JsonNode parameter : node.path("parameters")) {
                if ("header".equals(parameter.path("in").asText())
                        && name.equalsIgnoreCase(parameter.path("name").asText())) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Whether the document has a schema of this name under {@code components/schemas}. */
    boolean hasSchema(String name) {
        return document.path("components").path("schemas").has(name);
    }

    /** The properties the schema of this name describes; of a {@code oneOf}, those of every branch. */
    java.util.Set<String> properties(String name) {
        JsonNode schema = document.path("components").path("schemas").path(name);
        java.util.Set<String> names = new java.util.TreeSet<>();
        schema.path("properties").fieldNames().forEachRemaining(names::add);
        for (JsonNode branch : schema.path("oneOf")) {
            names.addAll(properties(branch.path("$ref").asText().replace("#/components/schemas/", "")));
        }
        return names;
    }

    /** The values of the enum schema of this name. */
    List<String> enumValues(String name) {
        List<String> values = new ArrayList<>();
        document.path("components").path("schemas").path(name).path("enum")
                .forEach(value -> values.add(value.asText()));
        return values;
    }

    /** The operation for this method and path; of several templates that match, the one with the fewest variables. */
    Optional<Operation> operation(String method, String path) {
        String verb = method.toLowerCase(Locale.ROOT);
        for (PathTemplate template : paths) {
            var values = template.match(path);
            JsonNode item = document.path("paths").path(template.template());
            if (values.isPresent() && item.has(verb)) {
                return Optional.of(new Operation(template.template(),
                        "/paths/" + escape(template.template()) + "/" + verb, item.get(verb), values.get()));
            }
        }
        return Optional.empty();
    }

    @Override
    public List<String> violations(ApiExchange exchange) {
        Optional<Operation> operation = operation(exchange.method(), exchange.path());
        if (operation.isEmpty()) {
            return List.of(unknownOperation(exchange));
        }
        List<String> found = new ArrayList<>();
        parameters(operation.get(), exchange, found);
        requestBody(operation.get(), exchange, found);
        response(operation.get(), exchange, found);
        return found;
    }

    private String unknownOperation(ApiExchange exchange) {
        List<String> methods = paths.stream().filter(template -> template.match(exchange.path()).isPresent())
                .flatMap(template -> iterable(document.path("paths").path(template.template()).fieldNames()).stream())
                .map(method -> method.toUpperCase(Locale.ROOT)).distinct().toList();
        return methods.isEmpty() ? "the description has no path " + exchange.path()
                : "the description has no " + exchange.method() + " on " + exchange.path() + " (only "
                        + String.join(", ", methods) + ")";
    }

    private void parameters(Operation operation, ApiExchange exchange, List<String> found) {
        JsonNode declared = operation.node().path("parameters");
        for (int i = 0; i < declared.size(); i++) {
            JsonNode parameter = declared.get(i);
            String name = parameter.path("name").asText();
            String in = parameter.path("in").asText();
            String pointer = operation.pointer() + "/parameters/" + i + "/schema";
            List<String> values = switch (in) {
                case "path" -> Optional.ofNullable(operation.pathValues().get(name)).map(List::of).orElse(List.of());
                case "query" -> exchange.query().getOrDefault(name, List.of());
                case "header" -> exchange.header(name).map(List::of).orElse(List.of());
                default -> List.of();
            };
            if (values.isEmpty()) {
                if (parameter.path("required").asBoolean()) {
                    found.add("the required " + in + " parameter '" + name + "' is missing");
                }
                continue;
            }
            List<String> errors = parameterErrors(pointer, parameter.path("schema"), values);
            errors.forEach(error -> found.add(in + " parameter '" + name + "': " + error));
        }
        for (String name : exchange.query().keySet()) {
            boolean known = false;
            for (JsonNode parameter : declared) {
                known |= "query".equals(parameter.path("in").asText()) && name.equals(parameter.path("name").asText());
            }
            if (!known) {
                found.add("the description has no query parameter '" + name + "' (OpenAPI servers ignore it)");
            }
        }
    }

    /** A parameter's text is read as its schema asks: as it is, or as a number or a truth value, or a list of such. */
    private List<String> parameterErrors(String pointer, JsonNode schema, List<String> values) {
        if ("array".equals(schema.path("type").asText())) {
            var asText = JsonNodeFactory.instance.arrayNode();
            var asRead = JsonNodeFactory.instance.arrayNode();
            values.forEach(value -> {
                asText.add(value);
                asRead.add(read(value));
            });
            return firstThatFits(pointer, asText, asRead);
        }
        if (values.size() > 1) {
            return List.of("given " + values.size() + " times, described as a single value");
        }
        return firstThatFits(pointer, TextNode.valueOf(values.get(0)), read(values.get(0)));
    }

    private List<String> firstThatFits(String pointer, JsonNode asText, JsonNode asRead) {
        List<String> errors = schemas.errors(pointer, asText, "the value");
        boolean fitsAsRead = !errors.isEmpty() && !asRead.equals(asText)
                && schemas.errors(pointer, asRead, "the value").isEmpty();
        return fitsAsRead ? List.of() : errors;
    }

    private static JsonNode read(String value) {
        if (value.equals("true") || value.equals("false")) {
            return JsonNodeFactory.instance.booleanNode(Boolean.parseBoolean(value));
        }
        try {
            return JsonNodeFactory.instance.numberNode(new java.math.BigDecimal(value));
        } catch (NumberFormatException e) {
            return TextNode.valueOf(value);
        }
    }

    private void requestBody(Operation operation, ApiExchange exchange, List<String> found) {
        JsonNode described = operation.node().path("requestBody");
        if (exchange.requestBody().isEmpty()) {
            if (described.path("required").asBoolean()) {
                found.add("the required request body is missing");
            }
            return;
        }
        if (described.isMissingNode()) {
            found.add("a request body was sent, the description has none for this operation");
            return;
        }
        body("request body", operation.pointer() + "/requestBody", described, exchange.requestContentType(),
                exchange.requestBody(), found);
    }

    /**
     * The answer must be one the operation lists. Any server can also answer 401 or 403 (a key it does not take) or a
     * 5xx (it failed), whether described or not: those pass with any body, so that tests can play an OpenHands that
     * refuses or fails. So does a status the operation's own description names as an error it raises ({@code
     * HTTPException: 404 if user not found}, as FastAPI docstrings write it), which the generated responses omit. A
     * connection the test broke has no answer to judge.
     */
    private void response(Operation operation, ApiExchange exchange, List<String> found) {
        int status = exchange.status();
        if (status == ApiExchange.NO_ANSWER || status == 401 || status == 403 || status >= 500
                || operation.node().path("description").asText().contains("HTTPException: " + status + " ")) {
            return;
        }
        JsonNode responses = operation.node().path("responses");
        String key = String.valueOf(status);
        if (!responses.has(key)) {
            key = status / 100 + "XX";
        }
        if (!responses.has(key)) {
            key = "default";
        }
        if (!responses.has(key)) {
            found.add("the answer " + status + " is not one the description lists for " + exchange.method() + " on "
                    + operation.template() + " ("
                    + String.join(", ", iterable(responses.fieldNames())) + ")");
            return;
        }
        JsonNode described = responses.get(key);
        if (described.has("content")) {
            body("answer " + status, operation.pointer() + "/responses/" + key, described,
                    exchange.responseContentType(),
                    exchange.responseBody(), found);
        }
    }

    private void body(String what, String pointer, JsonNode described, String contentType, String text,
            List<String> found) {
        if (!described.path("content").has(contentType)) {
            found.add(what + " is '" + contentType + "', the description has "
                    + iterable(described.path("content").fieldNames()));
            return;
        }
        JsonNode value;
        try {
            value = JSON.readTree(text);
        } catch (IOException e) {
            found.add(what + " is not JSON: " + text.lines().findFirst().orElse(""));
            return;
        }
        schemas.errors(pointer + "/content/" + escape(contentType) + "/schema", value, "the body")
                .forEach(error -> found.add(what + ": " + error));
    }

    private static String escape(String pointerToken) {
        return pointerToken.replace("~", "~0").replace("/", "~1");
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
