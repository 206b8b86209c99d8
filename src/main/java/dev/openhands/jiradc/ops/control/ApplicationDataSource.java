package dev.openhands.jiradc.ops.control;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The application's datasource. Its URL and credentials come from MicroProfile Config
 * ({@code datasource.url}, {@code datasource.user}, {@code datasource.password}, or the environment
 * variables {@code DATASOURCE_URL}, ...), resolved by Payara when the application is deployed.
 * Without them it is an embedded H2 database in the server's working directory.
 */
@DataSourceDefinition(
        name = ApplicationDataSource.JNDI_NAME,
        className = "${MPCONFIG=datasource.class-name}",
        url = "${MPCONFIG=datasource.url}",
        user = "${MPCONFIG=datasource.user}",
        password = "${MPCONFIG=datasource.password}",
        minPoolSize = 1,
        maxPoolSize = 20)
@ApplicationScoped
public class ApplicationDataSource {

    public static final String JNDI_NAME = "java:app/jdbc/openhands";
}
