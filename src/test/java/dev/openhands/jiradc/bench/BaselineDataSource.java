package dev.openhands.jiradc.bench;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The same-work baseline's connections, for a Payara connection pool set as the service's is (the baseline WAR's
 * {@code glassfish-resources.xml}): the JDBC data source named by the server's system properties
 * {@code bench.baseline.datasource.class-name}, {@code .url}, {@code .user} and {@code .password}, which the benchmark
 * sets to the service's database (PostgreSQL), or to an H2 file beside the service's (one embedded H2 file cannot be
 * opened by two applications).
 */
public class BaselineDataSource implements DataSource {

    static final String PROPERTY = "bench.baseline.datasource.";

    private volatile DataSource target;
    private PrintWriter logWriter;
    private int loginTimeout;

    private DataSource target() throws SQLException {
        DataSource current = target;
        if (current == null) {
            synchronized (this) {
                if (target == null) {
                    target = create();
                }
                current = target;
            }
        }
        return current;
    }

    private static DataSource create() throws SQLException {
        String className = System.getProperty(PROPERTY + "class-name");
        try {
            DataSource dataSource = (DataSource) Class
                    .forName(className, true, BaselineDataSource.class.getClassLoader())
                    .getConstructor().newInstance();
            // org.h2.jdbcx.JdbcDataSource and org.postgresql.ds.PGSimpleDataSource both have these
            dataSource.getClass().getMethod("setURL", String.class).invoke(dataSource,
                    System.getProperty(PROPERTY + "url"));
            dataSource.getClass().getMethod("setUser", String.class).invoke(dataSource,
                    System.getProperty(PROPERTY + "user"));
            dataSource.getClass().getMethod("setPassword", String.class).invoke(dataSource,
                    System.getProperty(PROPERTY + "password"));
            return dataSource;
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new SQLException(
                    PROPERTY + "class-name " + className + " is not a JDBC data source with setURL, setUser"
                            + " and setPassword in the baseline WAR: " + e,
                    e);
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        return target().getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return target().getConnection(username, password);
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return iface.isInstance(this) ? iface.cast(this) : target().unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || target().isWrapperFor(iface);
    }
}
