package dev.openhands.jiradc.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KnobsTest {

    private static Properties properties(String... keysAndValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        return properties;
    }

    private static final Properties DEFAULTS = properties("turns", "5", "rate", "200", "server.options", "",
            "warmup.jit-quiet", "0.05");

    @Test
    void theFileGivesTheDefaults() {
        Knobs knobs = Knobs.of(DEFAULTS, properties());

        assertEquals(5, knobs.integer("turns"));
        assertEquals(Duration.ofSeconds(200), knobs.seconds("rate"));
        assertEquals(0.05, knobs.decimal("warmup.jit-quiet"));
        assertEquals("", knobs.string("server.options"));
    }

    @Test
    void aSystemPropertyOverridesOneKnobAndOptionsOverrideThat() {
        Knobs knobs = Knobs.of(DEFAULTS,
                properties("bench.turns", "3", "bench.rate", "100", "bench.options", "rate=50"));

        assertEquals(3, knobs.integer("turns"));
        assertEquals(50, knobs.integer("rate"));
    }

    @Test
    void optionsAreKnobValuePairsAndAQuotedValueKeepsItsSpaces() {
        assertEquals(
                List.of(Map.entry("turns", "3"), Map.entry("server.options", "-XX:+UseSerialGC -Xss1m"),
                        Map.entry("seed", "")),
                List.copyOf(Knobs.options(" turns=3  server.options='-XX:+UseSerialGC -Xss1m' seed= ").entrySet()));
        assertTrue(Knobs.options("").isEmpty());
    }

    @Test
    void aMisspeltKnobIsRefusedNamingTheKnobs() {
        String misspelt = assertThrows(IllegalArgumentException.class,
                () -> Knobs.of(DEFAULTS, properties("bench.options", "turn=3"))).getMessage();
        assertTrue(misspelt.contains("no benchmark knob is called \"turn\"") && misspelt.contains("turns"), misspelt);
        String unreadable = assertThrows(IllegalArgumentException.class, () -> Knobs.options("turns 3")).getMessage();
        assertTrue(unreadable.contains("cannot read \"turns 3\""), unreadable);
        String unknown = assertThrows(IllegalArgumentException.class,
                () -> Knobs.of(DEFAULTS, properties()).string("rates"))
                .getMessage();
        assertTrue(unknown.contains("\"rates\""), unknown);
    }

    @Test
    void aValueOfTheWrongKindIsRefusedSayingWhatItMustBe() {
        Knobs knobs = Knobs.of(DEFAULTS, properties("bench.turns", "three"));

        assertEquals("turns must be a whole number, not \"three\"",
                assertThrows(IllegalArgumentException.class, () -> knobs.integer("turns")).getMessage());
    }

    @Test
    void anEmptySeedIsNoneAndAWordIsRefused() {
        Properties defaults = properties("seed", "");

        assertTrue(Knobs.of(defaults, properties()).optionalLong("seed").isEmpty());
        assertEquals(42, Knobs.of(defaults, properties("bench.options", "seed=42")).optionalLong("seed").getAsLong());
        assertEquals("seed must be a whole number or empty, not \"x\"", assertThrows(IllegalArgumentException.class,
                () -> Knobs.of(defaults, properties("bench.seed", "x")).optionalLong("seed")).getMessage());
    }

    @Test
    void systemPropertiesThatAreNotKnobsAreLeftAlone() {
        Knobs knobs = Knobs.of(DEFAULTS, properties("bench.war", "target/x.war", "java.version", "17"));

        assertEquals(Set.of("turns", "rate", "server.options", "warmup.jit-quiet"), knobs.all().keySet());
    }

    @Test
    void aKnobGivenToMavenInsteadOfTheBenchmarkIsFound() {
        Set<String> knobs = Set.of("turns", "rate");

        assertEquals(List.of("-Dbench.rate"),
                Knobs.unforwarded(" -Pbenchmark -Dbench.rate=100 -Dbench.main=StartupBenchmark -Dbench.options=turns=3",
                        knobs));
        assertEquals(List.of(), Knobs.unforwarded("-Pbenchmark -Dbench.options=rate=100", knobs));
    }

    @Test
    void theShippedFileHasEveryKnobTheBenchmarksRead() {
        Knobs knobs = Knobs.load();

        for (String knob : List.of("server.heap", "webhook.server.heap", "server.options", "database", "postgresql.url",
                "postgresql.user", "warmup.seconds", "warmup.jit-quiet", "warmup.max-seconds", "turns",
                "saturation.seconds",
                "clients", "settle.seconds", "rate", "latency.seconds", "trigger-every", "seed", "triggers",
                "trigger-rate",
                "starts")) {
            assertTrue(knobs.all().containsKey(knob), knob);
        }
        assertTrue(knobs.integer("turns") >= 3);
    }
}
