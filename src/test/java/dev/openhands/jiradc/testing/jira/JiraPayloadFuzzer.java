package dev.openhands.jiradc.testing.jira;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Hostile Jira webhook bodies, for fuzzing the receiver: one of the {@link JiraEvent} fixtures with
 * random ids, then up to three random changes to its JSON and, sometimes, to its bytes. Everything
 * is drawn from the given {@link Random}, so the same seed makes the same sequence again.
 */
public final class JiraPayloadFuzzer {

    /** A body to send, and how it was made, to print when it breaks something. */
    public record Mutant(String description, byte[] body) {
    }

    /** Where Jira events carry what the receiver reads; mutated more often than the rest. */
    private static final List<String> READ_PATHS = List.of("/webhookEvent", "/timestamp", "/issue_event_type_name",
            "/user",
            "/user/name", "/user/key", "/user/emailAddress", "/user/self", "/issue", "/issue/id", "/issue/key",
            "/issue/self",
            "/issue/fields", "/issue/fields/labels", "/issue/fields/labels/0", "/comment", "/comment/id",
            "/comment/body",
            "/comment/self", "/comment/author", "/comment/author/name", "/comment/author/key", "/comment/updateAuthor",
            "/changelog", "/changelog/id", "/changelog/items", "/changelog/items/0", "/changelog/items/0/field",
            "/changelog/items/0/fromString", "/changelog/items/0/toString");

    private static final List<String> COMMENTS = List.of("@openhands please fix this", "Looks fine to me.",
            "[~openhands] could you take this?", "mail user@openhands.dev about it", "ask @openhands-bot",
            "(@OPENHANDS)!",
            "");

    private static final List<String> LABEL_SETS = List.of("[\"openhands\"]", "[\"bug\",\"OpenHands\"]", "[\"bug\"]",
            "[]");

    private static final List<String> EVENT_NAMES = List.of("", " ", "COMMENT_CREATED", "comment_created ",
            "jira:issue_created\u0000", "worklog_updated", "jira:issue_updated:extra", "jira:issue_deleted",
            "comment_deleted",
            "comment_created", "\uD83D\uDCA5", "x".repeat(300));

    private static final List<String> ODD_TEXTS = List.of("\u00c4\u00d6\u00dc\u00df", "\u65e5\u672c\u8a9e",
            "\uD83D\uDE42\uD83D\uDE80", "\u202Eevil", "e\u0301", "\uFEFF", "\u2028\u2029", "\u0000",
            "\u0001\u001f\u007f\t\n\r\u0085", "@openhands\u0000", "[~openhands\u0000]", "'; drop table inbox; --",
            "%s%n%x", "${jndi:ldap://127.0.0.1/x}", "<script>alert(1)</script>", "\\", "\"", "   ");

    private static final List<String> ODD_LABEL_CHANGES = List.of("\tbug\u00a0 openhands\n", "  OPENHANDS  ",
            "bug,openhands", "openhands\u2003bug", "", " ", "openhands openhands", "open hands", "openhands\u0000",
            "\u00a0openhands\u00a0");

    /** Bytes that are not UTF-8, a raw NUL, and a lone surrogate written as a JSON escape (which is valid JSON). */
    private static final List<byte[]> ODD_BYTES = List.of(new byte[]{(byte) 0xff}, new byte[]{(byte) 0xc3, 0x28},
            new byte[]{(byte) 0x80}, new byte[]{(byte) 0xed, (byte) 0xa0, (byte) 0x80},
            new byte[]{(byte) 0xf8, (byte) 0x88},
            new byte[]{(byte) 0xe2, (byte) 0x82}, new byte[]{0}, utf8("\\ud800"));

    private final Random random;
    private final String jiraUrl;

    public JiraPayloadFuzzer(Random random, String jiraUrl) {
        this.random = random;
        this.jiraUrl = jiraUrl;
    }

    public Mutant next() {
        List<String> steps = new ArrayList<>();
        JsonObject json = seed(steps);
        for (int changes = random.nextInt(4); changes > 0; changes--) {
            json = mutateTree(json, steps);
        }
        byte[] body = json.toString().getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(4) == 0) {
            body = mutateBytes(body, steps);
        }
        return new Mutant(printable(String.join(" | ", steps)), body);
    }

    private JsonObject seed(List<String> steps) {
        String issueId = String.valueOf(1 + random.nextInt(999_999_999));
        String commentId = String.valueOf(1 + random.nextInt(999_999_999));
        JiraEvent event = switch (random.nextInt(7)) {
            case 0 -> JiraEvent.issueCreated().with("labelsJson", pick(LABEL_SETS));
            case 1 ->
                JiraEvent.issueUpdated().labels(random.nextBoolean() ? List.of("bug") : List.of("bug", "openhands"),
                        random.nextBoolean() ? List.of("bug", "openhands") : List.of("bug"));
            case 2 -> JiraEvent.issueCommented();
            case 3 -> JiraEvent.issueDeleted();
            case 4 -> JiraEvent.commentCreated();
            case 5 -> JiraEvent.commentUpdated();
            default -> JiraEvent.commentDeleted();
        };
        event.issue(issueId, "ACME-" + issueId).comment(commentId, pick(COMMENTS))
                .with("changelogId", String.valueOf(1 + random.nextInt(999_999_999)))
                .with("timestamp", String.valueOf(System.currentTimeMillis() - random.nextInt(1_000_000_000)));
        JsonObject json = Json.createReader(new StringReader(event.render(jiraUrl))).readObject();
        steps.add(json.getString("webhookEvent") + " issue " + issueId + " comment " + commentId);
        return json;
    }

    private JsonObject mutateTree(JsonObject json, List<String> steps) {
        return switch (random.nextInt(11)) {
            case 0 -> remove(json, steps, somePath(json));
            case 1 -> replace(json, steps, "null", () -> JsonValue.NULL);
            case 2 -> replace(json, steps, "a number", this::oddNumber);
            case 3 -> replace(json, steps, "an array", () -> random.nextBoolean() ? JsonValue.EMPTY_JSON_ARRAY
                    : Json.createArrayBuilder().add(1).add("10002").addNull().build());
            case 4 -> replace(json, steps, "an object", () -> random.nextBoolean() ? JsonValue.EMPTY_JSON_OBJECT
                    : Json.createObjectBuilder().add("id", "10002").build());
            case 5 -> replace(json, steps, "a long string", this::longText);
            case 6 -> replace(json, steps, "odd text", () -> Json.createValue(pick(ODD_TEXTS)));
            case 7 -> set(json, steps, "/webhookEvent", Json.createValue(pick(EVENT_NAMES)));
            case 8 -> json.containsKey("issue") ? remove(json, steps, "/issue") : json;
            case 9 -> set(json, steps, "/changelog", oddLabelsChangelog());
            default -> selfOnAnotherHost(json, steps);
        };
    }

    private JsonObject replace(JsonObject json, List<String> steps, String what, Supplier<JsonValue> value) {
        String path = somePath(json);
        JsonValue replacement = value.get();
        steps.add("replace " + path + " with " + what + " " + shown(replacement));
        return Json.createPointer(path).replace(json, replacement);
    }

    private JsonObject remove(JsonObject json, List<String> steps, String path) {
        steps.add("delete " + path);
        return Json.createPointer(path).remove(json);
    }

    private static JsonObject set(JsonObject json, List<String> steps, String path, JsonValue value) {
        steps.add("set " + path + " to " + shown(value));
        return Json.createPointer(path).add(json, value);
    }

    private JsonObject selfOnAnotherHost(JsonObject json, List<String> steps) {
        List<String> selfs = paths(json).stream().filter(path -> path.endsWith("/self")).toList();
        String host = jiraUrl.substring(jiraUrl.indexOf("//") + 2);
        String url = pick(List.of("https://evil.example.com", jiraUrl.replace("127.0.0.1", "localhost"),
                jiraUrl.toUpperCase(), "http://127.0.0.1:1", "https://" + host, "//evil.example.com", "not a url",
                "http://[::1", "javascript:alert(1)", "http://evil.example.com@" + host, "")) + "/rest/api/2/issue/1";
        return set(json, steps, selfs.isEmpty() ? "/self" : pick(selfs), Json.createValue(url));
    }

    private JsonObject oddLabelsChangelog() {
        return Json.createObjectBuilder().add("id", String.valueOf(1 + random.nextInt(999_999_999)))
                .add("items", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add(random.nextBoolean() ? "field" : "FIELD", random.nextBoolean() ? "labels" : " Labels ")
                        .add("fromString", pick(ODD_LABEL_CHANGES)).add("toString", pick(ODD_LABEL_CHANGES))))
                .build();
    }

    private JsonValue oddNumber() {
        return pick(List.of(Json.createValue(0), Json.createValue(-1), Json.createValue(3.14),
                Json.createValue(Long.MAX_VALUE), Json.createValue(new BigInteger("123456789012345678901234567890")),
                Json.createValue(new BigDecimal("1e400")), Json.createValue(new BigDecimal("-1e-400")),
                Json.createValue(new BigDecimal("1e999999"))));
    }

    private JsonValue longText() {
        int length = 1_000 + random.nextInt(60_000);
        String unit = pick(List.of("x", "\u00e9", "@openhands ", "[~", "\uD83D\uDE80", " "));
        return Json.createValue(unit.repeat(Math.max(1, length / unit.length())));
    }

    /** A hundred to a few thousand nested arrays or objects; a parser without a depth limit overflows its stack. */
    private String depthBomb(List<String> steps) {
        int depth = 100 + random.nextInt(2_900);
        boolean arrays = random.nextBoolean();
        steps.add("depth bomb of " + depth + (arrays ? " arrays" : " objects"));
        return arrays ? "[".repeat(depth) + "]".repeat(depth) : "{\"a\":".repeat(depth) + "{}" + "}".repeat(depth);
    }

    private byte[] mutateBytes(byte[] body, List<String> steps) {
        String text = new String(body, StandardCharsets.UTF_8);
        switch (random.nextInt(10)) {
            case 0 -> {
                int end = (int) (random.nextDouble() * body.length);
                steps.add("truncate at byte " + end);
                return Arrays.copyOf(body, end);
            }
            case 1 -> {
                String duplicate = pick(List.of("\"webhookEvent\":\"jira:issue_deleted\"", "\"issue\":null",
                        "\"comment\":{\"id\":\"1\"}", "\"timestamp\":\"soon\"",
                        "\"webhookEvent\":\"comment_created\""));
                boolean first = random.nextBoolean();
                steps.add("duplicate key " + duplicate + (first ? " before" : " after") + " the original");
                return utf8(first ? "{" + duplicate + "," + text.substring(1)
                        : text.substring(0, text.length() - 1) + "," + duplicate + "}");
            }
            case 2 -> {
                steps.add("empty body");
                return new byte[0];
            }
            case 3 -> {
                steps.add("wrap in a JSON array");
                return utf8("[" + text + "]");
            }
            case 4 -> {
                String bare = pick(List.of("\"comment_created\"", "42", "null", "true", "\"\"", "[]"));
                steps.add("body is " + bare);
                return utf8(bare);
            }
            case 5 -> {
                byte[] bad = pick(ODD_BYTES);
                // after a quote, so that half of them land inside a string
                int at = text.indexOf('"', (int) (random.nextDouble() * text.length()));
                int offset = utf8(text.substring(0, at < 0 ? text.length() : at + 1)).length;
                steps.add("insert bytes " + HexFormat.of().formatHex(bad) + " at byte " + offset);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(body, 0, offset);
                out.writeBytes(bad);
                out.write(body, offset, body.length - offset);
                return out.toByteArray();
            }
            case 6 -> {
                Charset charset = pick(
                        List.of(StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16,
                                StandardCharsets.ISO_8859_1, Charset.forName("UTF-32")));
                steps.add("encode as " + charset);
                return text.getBytes(charset);
            }
            case 7 -> {
                String trailer = pick(
                        List.of("}", " {\"webhookEvent\":\"jira:issue_deleted\"}", "\u0000", ",", "\n\n"));
                steps.add("append " + trailer.replace("\u0000", "NUL"));
                return utf8(text + trailer);
            }
            case 8 -> {
                steps.add("prefix a byte order mark");
                return utf8("\uFEFF" + text);
            }
            default -> {
                String key = pick(List.of("issue", "comment", "changelog", "user", "deep", ""));
                String bomb = depthBomb(steps);
                // a later duplicate key wins, so the bomb replaces what the receiver reads
                return utf8(
                        key.isEmpty() ? bomb : text.substring(0, text.length() - 1) + ",\"" + key + "\":" + bomb + "}");
            }
        }
    }

    /** Short enough for a failure message; long values are shown by their start and length. */
    private static String shown(JsonValue value) {
        String json = value.toString();
        return json.length() > 60 ? json.substring(0, 40) + "... (" + json.length() + " chars)" : json;
    }

    /** The text with everything but printable ASCII written as a Java unicode escape, for logs and test reports. */
    public static String printable(String text) {
        StringBuilder printable = new StringBuilder();
        text.chars().forEach(
                c -> printable.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\u%04x", c)));
        return printable.toString();
    }

    private String somePath(JsonObject json) {
        List<String> all = paths(json);
        List<String> read = READ_PATHS.stream().filter(all::contains).toList();
        return random.nextBoolean() && !read.isEmpty() ? pick(read) : pick(all);
    }

    /** Every JSON pointer below the root. */
    private static List<String> paths(JsonValue json) {
        List<String> paths = new ArrayList<>();
        collect(json, "", paths);
        return paths;
    }

    private static void collect(JsonValue value, String path, List<String> paths) {
        if (!path.isEmpty()) {
            paths.add(path);
        }
        if (value instanceof JsonObject object) {
            object.forEach(
                    (name, child) -> collect(child, path + "/" + name.replace("~", "~0").replace("/", "~1"), paths));
        } else if (value instanceof JsonArray array) {
            for (int i = 0; i < array.size(); i++) {
                collect(array.get(i), path + "/" + i, paths);
            }
        }
    }

    private <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
