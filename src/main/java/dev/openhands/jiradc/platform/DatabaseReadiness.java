package dev.openhands.jiradc.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the database answers and every migration is applied. The datasource comes from
 * {@link SchemaMigration}, which is created in the application's own context at start-up: WildFly
 * calls health checks on a management thread where the application's {@code java:app} names are not
 * visible.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    private static final int TIMEOUT_SECONDS = 2;

    @Inject
    SchemaMigration migration;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("database");
        try (Connection connection = migration.dataSource().getConnection()) {
            if (!connection.isValid(TIMEOUT_SECONDS)) {
                return response.down()
                        .withData("connection", "the database did not answer within " + TIMEOUT_SECONDS + " s").build();
            }
            response.withData("product", connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            return response.down().withData("connection", "cannot connect: " + e.getMessage()).build();
        }
        return migration.problem()
                .map(problem -> response.down().withData("migrations", problem))
                .orElseGet(() -> response.up().withData("schemaVersion", migration.schemaVersion()))
                .build();
    }
}
