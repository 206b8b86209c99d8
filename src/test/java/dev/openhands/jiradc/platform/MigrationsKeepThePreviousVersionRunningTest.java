package dev.openhands.jiradc.platform;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A rolling upgrade runs the previous version beside the new one, on the schema the new one migrated: every
 * migration must leave the previous version's reads and writes working. It may add tables, nullable columns (or
 * columns with a default), indexes and data; it may not drop or rename a table or a column, change a column's type,
 * or make the previous version's inserts fail (a new NOT NULL column without a default, a new constraint). What the
 * new version no longer needs is dropped a version later, once no instance of the one before can run (see
 * docs/ops/database.md). {@code RestartIT} runs this version beside a newer one's migration.
 */
class MigrationsKeepThePreviousVersionRunningTest {

    static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    /** What a migration may do without breaking the version before it. */
    static final List<Pattern> ALLOWED = Stream.of(
            "create table \\w+ \\(.*\\)",
            "create (unique )?index \\w+ on \\w+ \\(.*\\)",
            "drop index \\w+",
            "alter table \\w+ add column \\w+ [\\w ()',.-]+",
            "update \\w+ set .*",
            "insert into \\w+ .*").map(rule -> Pattern.compile(rule, Pattern.DOTALL)).toList();

    /** Statements that passed the rules above and still break the version before: a NOT NULL without a default. */
    static final Pattern NOT_NULL_WITHOUT_DEFAULT = Pattern
            .compile("alter table \\w+ add column (?!.*\\bdefault\\b).*\\bnot null\\b");

    /** A varchar made longer: the previous version writes only what fitted before. */
    static final Pattern WIDENED = Pattern
            .compile("alter table \\w+ alter column (\\w+) set data type varchar\\((\\d+)\\)");

    /**
     * The versions before the first release, written when no earlier version ran anywhere: their statements are not
     * held to the rules (V1 to V6 created the schema; none of them drops or alters anything).
     */
    static final int FIRST_RELEASED = 7;

    @Test
    void everyMigrationSinceTheFirstReleaseOnlyAddsWhatThePreviousVersionCanIgnore() throws IOException {
        List<String> refused = new ArrayList<>();
        int checked = 0;
        StringBuilder earlier = new StringBuilder();
        for (Map.Entry<Integer, Path> migration : migrations().entrySet()) {
            String sql = Files.readString(migration.getValue());
            if (migration.getKey() >= FIRST_RELEASED) {
                for (String statement : statements(sql)) {
                    checked++;
                    if (!compatible(statement, earlier.toString())) {
                        refused.add(migration.getValue().getFileName() + ": " + statement);
                    }
                }
            }
            earlier.append(sql).append('\n');
        }
        assertTrue(checked > 0, "no migration was read from " + MIGRATIONS.toAbsolutePath());
        assertEquals(List.of(), refused, "statements that would break the previous version during a rolling upgrade");
    }

    @Test
    void theRulesRefuseWhatBreaksThePreviousVersion() {
        for (String breaking : List.of("drop table job", "alter table job drop column outcome",
                "alter table job rename column outcome to result", "alter table job alter column outcome type text",
                "alter table job alter column outcome set not null",
                "alter table job add column owner varchar(64) not null",
                "alter table job add constraint job_owner unique (owner)", "alter table job rename to jobs",
                "delete from job")) {
            assertFalse(compatible(breaking), breaking);
        }
        for (String additive : List.of("create table audit (id varchar(36) primary key, at timestamp not null)",
                "alter table job add column claims integer default 0 not null",
                "alter table job add column note varchar(255)",
                "create index job_due on job (next_check_at)", "update job set claims = 0 where claims is null")) {
            assertTrue(compatible(additive), additive);
        }
        String created = "create table job (id varchar(36) primary key, outcome varchar(64))";
        assertTrue(compatible("alter table job alter column outcome set data type varchar(320)", created));
        assertFalse(compatible("alter table job alter column outcome set data type varchar(32)", created));
        assertFalse(compatible("alter table job alter column outcome set data type varchar(320)", ""),
                "a column whose size no earlier migration says");
    }

    @Test
    void theNextVersionsMigrationThatUpgradeTestsApplyFollowsTheRules() throws IOException {
        List<String> statements = statements(
                Files.readString(Path.of("src/test/resources/db/next-version/V1000__next_version.sql")));
        assertFalse(statements.isEmpty());
        statements.forEach(statement -> assertTrue(compatible(statement), statement));
    }

    static boolean compatible(String statement) {
        return compatible(statement, "");
    }

    /** @param earlier the migrations before this one, which say how long a widened column was */
    static boolean compatible(String statement, String earlier) {
        String normal = statement.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        Matcher widened = WIDENED.matcher(normal);
        if (widened.matches()) {
            return Integer.parseInt(widened.group(2)) > lengthBefore(widened.group(1), earlier);
        }
        return ALLOWED.stream().anyMatch(rule -> rule.matcher(normal).matches())
                && !NOT_NULL_WITHOUT_DEFAULT.matcher(normal).find();
    }

    /**
     * The column's varchar length as the latest earlier migration declared or widened it; unknown: no length at all.
     */
    private static int lengthBefore(String column, String earlier) {
        Matcher declared = Pattern.compile("\\b" + column + "\\s+(?:set data type\\s+)?varchar\\((\\d+)\\)")
                .matcher(earlier.toLowerCase(Locale.ROOT));
        int length = Integer.MAX_VALUE;
        while (declared.find()) {
            length = Integer.parseInt(declared.group(1));
        }
        return length;
    }

    static Map<Integer, Path> migrations() throws IOException {
        Pattern name = Pattern.compile("V(\\d+)__.*\\.sql");
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            Map<Integer, Path> byVersion = new java.util.TreeMap<>();
            files.forEach(file -> {
                Matcher matcher = name.matcher(file.getFileName().toString());
                if (matcher.matches()) {
                    byVersion.put(Integer.parseInt(matcher.group(1)), file);
                }
            });
            return byVersion;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The statements of a migration, without its comments (none of them holds a semicolon in a string). */
    static List<String> statements(String sql) {
        String withoutComments = sql.replaceAll("(?m)--.*$", "");
        return Stream.of(withoutComments.split(";")).map(String::trim).filter(statement -> !statement.isEmpty())
                .toList();
    }
}
