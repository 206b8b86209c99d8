package dev.openhands.jiradc.platform;

/**
 * The application's datasource is a resource reference, {@value #JNDI_NAME}, declared in web.xml
 * (and used by persistence.xml); each application server binds it to a datasource of its own. On
 * Payara it is the pool in {@code glassfish-resources.xml}, configured from MicroProfile Config
 * ({@code datasource.class-name}, {@code datasource.url}, {@code datasource.user},
 * {@code datasource.password}, or {@code DATASOURCE_URL}, ...); on Open Liberty the
 * {@code jdbc/openhands} dataSource of server.xml; on WildFly {@code java:jboss/datasources/OpenHandsDS}.
 */
public final class ApplicationDataSource {

    public static final String JNDI_NAME = "java:app/jdbc/openhands";

    private ApplicationDataSource() {
    }
}
