package dev.openhands.jiradc.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The benchmarks' settings: the defaults in {@value #DEFAULTS} (one comment each), each overridden by a system
 * property {@code bench.<knob>}, and all of them by {@code -Dbench.options="knob=value knob=value"}: Maven's exec:exec
 * starts the benchmark in a JVM of its own and cannot hand it arbitrary {@code -D}s, but it hands it that one. A value
 * with spaces is quoted: {@code server.options='-XX:+UseSerialGC -XX:TieredStopAtLevel=1'}. A knob that is not in the
 * file is refused, so a misspelt one never passes unnoticed.
 */
final class Knobs {

    static final String DEFAULTS = "bench/benchmark.properties";
    static final String PREFIX = "bench.";
    static final String OPTIONS = PREFIX + "options";
    private static final Pattern OPTION = Pattern.compile("\\s*([^\\s=]+)=('[^']*'|\\S*)\\s*");

    private final Map<String, String> values;

    private Knobs(Map<String, String> values) {
        this.values = values;
    }

    /**
     * The file's defaults, then this JVM's system properties. Refuses a {@code -Dbench.<knob>} given to Maven, which
     * would never reach it: the {@code mvn} script exports its command line as {@code MAVEN_CMD_LINE_ARGS}.
     */
    static Knobs load() {
        Properties defaults = new Properties();
        try (InputStream in = Knobs.class.getClassLoader().getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULTS + " is not on the class path");
            }
            defaults.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Knobs knobs = of(defaults, System.getProperties());
        // run in Maven's own JVM (exec:java), they did arrive
        List<String> lost = unforwarded(Objects.requireNonNullElse(System.getenv("MAVEN_CMD_LINE_ARGS"), ""),
                knobs.values.keySet())
                .stream().filter(argument -> System.getProperty(argument.substring("-D".length())) == null).toList();
        if (!lost.isEmpty()) {
            throw new IllegalArgumentException(
                    String.join(", ", lost) + " reached Maven, not the benchmark, whose JVM exec:exec"
                            + " starts with the profile's arguments only: say -D" + OPTIONS + "=\"" + lost.stream()
                                    .map(argument -> argument.substring(("-D" + PREFIX).length()) + "=...")
                                    .collect(Collectors.joining(" "))
                            + "\" instead");
        }
        return knobs;
    }

    /** The {@code -Dbench.<knob>=...} arguments among Maven's that name a knob. */
    static List<String> unforwarded(String mavenArguments, Set<String> knobs) {
        Matcher argument = Pattern.compile("-D" + Pattern.quote(PREFIX) + "([^\\s=]+)=?").matcher(mavenArguments);
        List<String> lost = new ArrayList<>();
        while (argument.find()) {
            if (knobs.contains(argument.group(1))) {
                lost.add("-D" + PREFIX + argument.group(1));
            }
        }
        return lost;
    }

    /** {@code defaults} overridden by {@code bench.<knob>} in {@code overrides}, then by its {@code bench.options}. */
    static Knobs of(Properties defaults, Properties overrides) {
        Map<String, String> values = new LinkedHashMap<>();
        defaults.stringPropertyNames().forEach(knob -> values.put(knob, defaults.getProperty(knob).trim()));
        for (String name : overrides.stringPropertyNames()) {
            String knob = name.substring(Math.min(name.length(), PREFIX.length()));
            // bench.payara-micro-jar, bench.war and bench.directory: where the build put things, not knobs
            if (name.startsWith(PREFIX) && !name.equals(OPTIONS) && values.containsKey(knob)) {
                values.put(knob, overrides.getProperty(name).trim());
            }
        }
        set(values, options(overrides.getProperty(OPTIONS, "")));
        return new Knobs(values);
    }

    /** {@code knob=value knob='a value with spaces'}, in order. */
    static Map<String, String> options(String text) {
        Map<String, String> options = new LinkedHashMap<>();
        Matcher option = OPTION.matcher(text);
        int end = 0;
        while (end < text.length() && option.find(end) && option.start() == end) {
            String value = option.group(2);
            options.put(option.group(1), value.startsWith("'") ? value.substring(1, value.length() - 1) : value);
            end = option.end();
        }
        if (!text.substring(end).isBlank()) {
            throw new IllegalArgumentException(
                    OPTIONS + " must be knob=value pairs separated by spaces, quoting a value with"
                            + " spaces in '...'; cannot read \"" + text.substring(end).trim() + "\"");
        }
        return options;
    }

    private static void set(Map<String, String> values, Map<String, String> options) {
        options.forEach((knob, value) -> {
            if (!values.containsKey(knob)) {
                throw new IllegalArgumentException("no benchmark knob is called \"" + knob + "\" (in " + OPTIONS
                        + "); the knobs are " + new TreeSet<>(values.keySet()) + ", described in src/test/resources/"
                        + DEFAULTS);
            }
            values.put(knob, value);
        });
    }

    String string(String knob) {
        String value = values.get(knob);
        if (value == null) {
            throw new IllegalArgumentException(
                    "no benchmark knob is called \"" + knob + "\"; see src/test/resources/" + DEFAULTS);
        }
        return value;
    }

    int integer(String knob) {
        try {
            return Integer.parseInt(string(knob));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(knob + " must be a whole number, not \"" + string(knob) + "\"");
        }
    }

    double decimal(String knob) {
        try {
            return Double.parseDouble(string(knob));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(knob + " must be a number, not \"" + string(knob) + "\"");
        }
    }

    /** A whole number, or empty for none. */
    OptionalLong optionalLong(String knob) {
        try {
            return string(knob).isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(string(knob)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(knob + " must be a whole number or empty, not \"" + string(knob) + "\"");
        }
    }

    /** A knob in whole seconds. */
    Duration seconds(String knob) {
        return Duration.ofSeconds(integer(knob));
    }

    /** Every knob and its value, for the report. */
    Map<String, String> all() {
        return Map.copyOf(values);
    }
}
