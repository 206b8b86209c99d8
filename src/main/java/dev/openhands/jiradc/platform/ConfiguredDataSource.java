package dev.openhands.jiradc.platform;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Payara's connection pool for the application (WEB-INF/glassfish-resources.xml) creates its
 * connections through this class, which reads {@code datasource.class-name}, {@code datasource.url},
 * {@code datasource.user} and {@code datasource.password} from MicroProfile Config and hands the work
 * to that JDBC {@link DataSource} (embedded H2 or PostgreSQL, both in the WAR). Payara does not
 * expand {@code ${MPCONFIG=...}} in glassfish-resources.xml, and an annotation would be read by every
 * server; Open Liberty and WildFly supply their own datasource instead and never load this class.
 */
public class ConfiguredDataSource implements DataSource {

    private volatile DataSource target;
    private PrintWriter logWriter;
    private int loginTimeout;

    private DataSource target() throws SQLException {
        DataSource current = target;
        if (current == null) {
            synchronized (this) {
                if (target == null) {
                    target = create(ConfigProvider.getConfig(ConfiguredDataSource.class.getClassLoader()));
                }
                current = target;
            }
        }
        return current;
    }

    static DataSource create(Config config) throws SQLException {
        String className = config.getValue("datasource.class-name", String.class);
        try {
            Class<?> type = Class.forName(className, true, ConfiguredDataSource.class.getClassLoader());
            DataSource dataSource = (DataSource) type.getConstructor().newInstance();
            set(dataSource, config.getValue("datasource.url", String.class), "setURL", "setUrl");
            config.getOptionalValue("datasource.user", String.class)
                    .ifPresent(user -> set(dataSource, user, "setUser"));
            config.getOptionalValue("datasource.password", String.class)
                    .ifPresent(password -> set(dataSource, password, "setPassword"));
            return dataSource;
        } catch (ReflectiveOperationException | ClassCastException | IllegalArgumentException e) {
            throw new SQLException(
                    "datasource.class-name " + className + " is not a JDBC DataSource in the application: " + e, e);
        }
    }

    private static void set(DataSource dataSource, String value, String... setters) {
        for (String setter : setters) {
            try {
                Method method = dataSource.getClass().getMethod(setter, String.class);
                method.invoke(dataSource, value);
                return;
            } catch (NoSuchMethodException e) {
                // try the next spelling
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalArgumentException(setter + " failed", e);
            }
        }
        throw new IllegalArgumentException(dataSource.getClass().getName() + " has no " + String.join(" or ", setters));
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
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        return target().unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || target().isWrapperFor(iface);
    }
}
