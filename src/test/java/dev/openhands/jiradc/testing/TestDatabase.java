package dev.openhands.jiradc.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.h2.tools.Server;

/**
 * A fresh, empty database for one deployment: an H2 file database under {@code target/it-databases}
 * by default, or a new schema in the PostgreSQL named by {@code it.postgresql.url} when Maven runs
 * in the integration tests' PostgreSQL run. Either way the test can open it too, to look at what was stored.
 *
 * <p>The H2 databases are served by an H2 server in the test JVM, as PostgreSQL serves its schemas: the database
 * belongs to the test, not to the application process that happened to open it first. With H2's AUTO_SERVER the
 * first deployment's H2 served the file, and outlived its web application when that was undeployed, so that the next
 * deployment in the same server reached the file through a server whose class loader was gone (its deployment failed
 * at random, one time in two here).
 */
public final class TestDatabase {

    private static boolean staleSchemasDropped;
    private static Server h2;
    /** Longer than any build takes. */
    private static final Duration STALE_AFTER = Duration.ofHours(6);
    private static final Pattern RUN_START = Pattern.compile("it_(\\d{14})_.*");
    private static final DateTimeFormatter RUN_START_FORMAT = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    /** The prefix of this build's database names: {@code it_}, the build's start (digits only), {@code _}. */
    private static final String RUN = "it_" + System.getProperty("it.run", "").replaceAll("[^0-9]", "") + "_";

    /** PostgreSQL here trusts local connections; the embedded H2 database is created with it. */
    private static final String PASSWORD = "openhands";

    private final String url;
    private final String className;
    private final String user;

    private TestDatabase(String className, String url, String user) {
        this.className = className;
        this.url = url;
        this.user = user;
    }

    public static TestDatabase fresh() {
        String name = RUN + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        if (!postgresql()) {
            return new TestDatabase("org.h2.jdbcx.JdbcDataSource", h2Server() + name, "openhands");
        }
        String baseUrl = System.getProperty("it.postgresql.url");
        String user = System.getProperty("it.postgresql.user");
        try (Connection connection = DriverManager.getConnection(baseUrl, user, PASSWORD);
                Statement statement = connection.createStatement()) {
            dropStaleSchemas(statement);
            statement.execute("create schema " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare a schema in " + baseUrl + ": " + e.getMessage(), e);
        }
        return new TestDatabase("org.postgresql.ds.PGSimpleDataSource", baseUrl + "?currentSchema=" + name, user);
    }

    /** The H2 server of this test JVM, started with the first H2 database: its URL, to which a name is added. */
    private static synchronized String h2Server() {
        if (h2 == null) {
            Path directory = Path.of(System.getProperty("it.directory", "target"), "it-databases").toAbsolutePath();
            try {
                // local connections only (no -tcpAllowOthers); a daemon thread, so that a benchmark's JVM still ends;
                // -ifNotExists: each deployment's database is new
                h2 = Server.createTcpServer("-tcpPort", "0", "-tcpDaemon", "-ifNotExists", "-baseDir",
                        directory.toString()).start();
            } catch (SQLException e) {
                throw new IllegalStateException("cannot start the tests' H2 server: " + e.getMessage(), e);
            }
        }
        return "jdbc:h2:tcp://127.0.0.1:" + h2.getPort() + "/";
    }

    public static boolean postgresql() {
        return "postgresql".equals(System.getProperty("it.database", "h2"));
    }

    /**
     * Schemas left by earlier runs: dropped once per test JVM, before the first new one is made. Only runs that started
     * more than {@link #STALE_AFTER} ago: those of this run, and of another build running on the same machine (another
     * checkout), are in use.
     */
    private static synchronized void dropStaleSchemas(Statement statement) throws SQLException {
        if (staleSchemasDropped) {
            return;
        }
        List<String> stale = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery("select nspname from pg_namespace where nspname like 'it\\_%'")) {
            while (rs.next()) {
                if (startedBefore(rs.getString(1), Instant.now().minus(STALE_AFTER))) {
                    stale.add(rs.getString(1));
                }
            }
        }
        for (String schema : stale) {
            // the build's other test JVM may be dropping the same one
            statement.execute("drop schema if exists " + schema + " cascade");
        }
        staleSchemasDropped = true;
    }

    /** Whether the run that made this schema ({@code it_<yyyyMMddHHmmss, UTC>_...}) started before {@code moment}. */
    static boolean startedBefore(String schema, Instant moment) {
        Matcher run = RUN_START.matcher(schema);
        if (!run.matches()) {
            return true;
        }
        try {
            return LocalDateTime.parse(run.group(1), RUN_START_FORMAT).toInstant(ZoneOffset.UTC).isBefore(moment);
        } catch (DateTimeParseException e) {
            return true;
        }
    }

    /** The MicroProfile Config values that point the deployed application at this database. */
    public Map<String, String> config() {
        return Map.of("datasource.class-name", className, "datasource.url", url,
                "datasource.user", user, "datasource.password", PASSWORD);
    }

    /** Flyway on this database, as another version of the service would run it. */
    public FluentConfiguration flyway() {
        return Flyway.configure().dataSource(url, user, PASSWORD);
    }

    /** A JDBC connection from the test itself, to look at what the application stored. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, PASSWORD);
    }
}
