package dev.openhands.jiradc.testing.openhands;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON schemas of an OpenAPI 3.1 document, checked as JSON Schema 2020-12 with formats asserted ({@code uuid},
 * {@code date-time}), and their errors said in a line each.
 *
 * <p>Why 2020-12 and not the OpenAPI 3.1 dialect: the dialect makes {@code discriminator} decide between the
 * {@code oneOf} branches, and OpenHands' description maps Python class paths
 * ({@code openhands__sdk__...__ActionEvent-Output__1}) where the events carry {@code "kind": "ActionEvent"}, so every
 * real event would be refused. Each branch pins its {@code kind} with {@code const}, which 2020-12 checks: the
 * {@code oneOf} alone chooses exactly one branch, and the {@code discriminator} is left as the annotation it is there.
 */
final class DescribedSchemas {

    private static final String DOCUMENT = "https://contract.test/openapi.json";

    private final SchemaRegistry registry;
    private final Map<String, Schema> byPointer = new ConcurrentHashMap<>();

    DescribedSchemas(String document) {
        this.registry = SchemaRegistry.withDefaultDialect(Dialects.getDraft202012(), builder -> builder
                .schemas(Map.of(DOCUMENT, document))
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    }

    /**
     * The errors of the value against the schema at this JSON pointer into the document, a line each; {@code whole}
     * names the value itself.
     */
    List<String> errors(String pointer, JsonNode value, String whole) {
        Schema schema = byPointer.computeIfAbsent(pointer,
                at -> registry.getSchema(SchemaLocation.of(DOCUMENT + "#" + at)));
        return explaining(schema.validate(value)).stream().map(error -> line(error, whole)).distinct().toList();
    }

    /**
     * The errors that say why, without the noise of alternatives: of a {@code oneOf} or {@code anyOf}, the branches
     * that fail already at the surface (the value is of another type, or a property pinned by {@code const} or {@code
     * enum} differs, such as an event's {@code kind}) are dropped when another branch fails deeper, and so is the
     * alternatives' own summary then.
     */
    static List<Error> explaining(List<Error> errors) {
        List<Error> kept = new ArrayList<>(errors);
        List<Error> alternatives = errors.stream().filter(error -> isAlternatives(error.getKeyword()))
                .sorted(Comparator.comparingInt(error -> error.getEvaluationPath().toString().length())).toList();
        for (Error choice : alternatives) {
            if (!kept.contains(choice)) {
                continue;
            }
            String prefix = choice.getEvaluationPath() + "/";
            String at = choice.getInstanceLocation().toString();
            Map<String, List<Error>> branches = new java.util.TreeMap<>();
            for (Error error : kept) {
                String path = error.getEvaluationPath().toString();
                if (path.startsWith(prefix)) {
                    branches.computeIfAbsent(path.substring(prefix.length()).split("/")[0], branch -> new ArrayList<>())
                            .add(error);
                }
            }
            List<List<Error>> surface = branches.values().stream().filter(branch -> failsAtSurface(branch, at))
                    .toList();
            if (surface.size() < branches.size()) {
                surface.forEach(kept::removeAll);
                kept.remove(choice);
            }
        }
        return kept;
    }

    private static boolean isAlternatives(String keyword) {
        return "oneOf".equals(keyword) || "anyOf".equals(keyword);
    }

    private static boolean failsAtSurface(List<Error> branch, String at) {
        return branch.stream().anyMatch(error -> {
            String location = error.getInstanceLocation().toString();
            boolean pinnedProperty = location.startsWith(at + "/") && location.indexOf('/', at.length() + 1) < 0
                    && ("const".equals(error.getKeyword()) || "enum".equals(error.getKeyword()));
            return pinnedProperty || "type".equals(error.getKeyword()) && location.equals(at);
        });
    }

    private static String line(Error error, String whole) {
        String at = error.getInstanceLocation().toString();
        String where = at.isEmpty() ? whole : at;
        JsonNode value = error.getInstanceNode();
        JsonNode wanted = error.getSchemaNode();
        return switch (error.getKeyword()) {
            case "required" -> where + " lacks the required '" + error.getProperty() + "'";
            case "additionalProperties" ->
                where + " has '" + error.getProperty() + "', which the description does not allow";
            case "type", "const", "enum" ->
                where + " is " + shortly(value) + ", the description wants " + error.getKeyword() + " "
                        + shortly(wanted);
            case "format" -> where + " is " + shortly(value) + ", not a valid " + wanted.asText();
            case "oneOf", "anyOf" -> where + " (" + shortly(value) + ") is none of the description's alternatives";
            default -> where + " fails '" + error.getKeyword() + "' " + shortly(wanted) + ": " + shortly(value);
        };
    }

    private static String shortly(JsonNode node) {
        String text = String.valueOf(node);
        return text.length() > 160 ? text.substring(0, 157) + "..." : text;
    }
}
