package dev.openhands.jiradc.platform;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.interceptor.Interceptor;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database schema up to date with the Flyway migrations in {@code db/migration} when
 * the application starts. Several instances starting together are safe: Flyway takes a database
 * lock. If the database was unreachable at start-up, the next readiness check tries again.
 */
@ApplicationScoped
public class SchemaMigration {

    private static final Logger LOG = ProcessingContext.logger(SchemaMigration.class);

    @Resource(lookup = ApplicationDataSource.JNDI_NAME)
    DataSource dataSource;

    private volatile String schemaVersion;
    private volatile String failure = "not run yet";

    /**
     * Before anything else that starts with the application (the earliest priority): the job follower and the inbox
     * start ticking from their own Startup observers, and a tick that ran before or during the migration would fail,
     * or worse, leave a statement prepared against the old tables in the pool's statement cache.
     */
    void migrateAtStartup(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) Startup startup) {
        migrate();
    }

    /** Why the schema is not up to date, or empty when every migration is applied. */
    public Optional<String> problem() {
        if (failure != null) {
            migrate();
        }
        return Optional.ofNullable(failure);
    }

    /** The application's datasource, injected when the application started. */
    public DataSource dataSource() {
        return dataSource;
    }

    public String schemaVersion() {
        return schemaVersion;
    }

    private synchronized void migrate() {
        if (failure == null) {
            return;
        }
        try {
            MigrateResult result = Flyway.configure(SchemaMigration.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            schemaVersion = result.targetSchemaVersion != null ? result.targetSchemaVersion
                    : result.initialSchemaVersion;
            failure = null;
            LOG.info(() -> "Database schema at version " + schemaVersion + " (" + result.migrationsExecuted
                    + " applied now)");
        } catch (RuntimeException e) {
            failure = "migration failed: " + e.getMessage();
            LOG.severe(() -> "Database " + failure + "; the service is not ready until it succeeds.");
        }
    }
}
