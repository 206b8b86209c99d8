package dev.openhands.jiradc.ops.boundary;

import dev.openhands.jiradc.ops.control.ApplicationDataSource;
import dev.openhands.jiradc.ops.control.SchemaMigration;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the database answers and every migration is applied. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    private static final int TIMEOUT_SECONDS = 2;

    @Resource(lookup = ApplicationDataSource.JNDI_NAME)
    DataSource dataSource;

    @Inject
    SchemaMigration migration;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("database");
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isValid(TIMEOUT_SECONDS)) {
                return response.down().withData("connection", "the database did not answer within " + TIMEOUT_SECONDS + " s").build();
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
