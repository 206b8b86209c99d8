package dev.openhands.jiradc.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The database of one benchmark run ({@code database} knob): a new embedded H2 file under the benchmark's directory,
 * as the service is deployed by default, or a new schema in PostgreSQL, dropped when the run ends. The same-work
 * baseline uses the same one: the same PostgreSQL schema (a table of its own), or an H2 file of its own beside the
 * service's, set the same way (one embedded H2 file cannot be opened by two applications at once).
 */
record BenchDatabase(String description, String className, String url, String user, String password, String baselineUrl,
        String schemaToDrop) implements AutoCloseable {

    /** The H2 databases are made with it; PostgreSQL here trusts local connections and ignores it. */
    private static final String PASSWORD = "openhands";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    static BenchDatabase from(Knobs knobs, Path directory) {
        String stamp = LocalDateTime.now(ZoneOffset.UTC).format(STAMP);
        return switch (knobs.string("database")) {
            case "h2" -> {
                String file = "jdbc:h2:file:" + directory.resolve("db").resolve("bench-" + stamp).toAbsolutePath();
                yield new BenchDatabase("H2, embedded, a new file: " + file, "org.h2.jdbcx.JdbcDataSource", file,
                        "openhands",
                        PASSWORD, file + "-baseline", null);
            }
            case "postgresql" ->
                postgresql(knobs.string("postgresql.url"), knobs.string("postgresql.user"), "bench_" + stamp);
            default -> throw new IllegalArgumentException(
                    "database must be h2 or postgresql, not \"" + knobs.string("database") + "\"");
        };
    }

    /** A new PostgreSQL schema named with this prefix, whatever the {@code database} knob says. */
    static BenchDatabase postgresql(Knobs knobs, String prefix) {
        return postgresql(knobs.string("postgresql.url"), knobs.string("postgresql.user"),
                prefix + LocalDateTime.now(ZoneOffset.UTC).format(STAMP));
    }

    private static BenchDatabase postgresql(String url, String user, String schema) {
        try (Connection connection = DriverManager.getConnection(url, user, PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute("create schema " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot make a schema in " + url + " as " + user + " (database=postgresql): " + e.getMessage(), e);
        }
        String schemaUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new BenchDatabase("PostgreSQL, a new schema: " + schemaUrl, "org.postgresql.ds.PGSimpleDataSource",
                schemaUrl, user,
                PASSWORD, schemaUrl, schema);
    }

    /** The server's system properties for the service's data source and the same-work baseline's. */
    Map<String, String> serverProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("datasource.class-name", className);
        properties.put("datasource.url", url);
        properties.put("datasource.user", user);
        properties.put("datasource.password", password);
        properties.put(BaselineDataSource.PROPERTY + "class-name", className);
        properties.put(BaselineDataSource.PROPERTY + "url", baselineUrl);
        properties.put(BaselineDataSource.PROPERTY + "user", user);
        properties.put(BaselineDataSource.PROPERTY + "password", password);
        return properties;
    }

    @Override
    public void close() {
        if (schemaToDrop == null) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("drop schema " + schemaToDrop + " cascade");
        } catch (SQLException e) {
            System.err.println("Could not drop the benchmark's schema " + schemaToDrop + ": " + e.getMessage());
        }
    }
}
