package dev.openhands.jiradc.platform;

import java.util.Map;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.hibernate.engine.transaction.jta.platform.internal.JBossAppServerJtaPlatform;
import org.hibernate.engine.transaction.jta.platform.internal.SunOneJtaPlatform;
import org.hibernate.engine.transaction.jta.platform.internal.WebSphereLibertyJtaPlatform;
import org.hibernate.engine.transaction.jta.platform.spi.JtaPlatform;
import org.hibernate.engine.transaction.jta.platform.spi.JtaPlatformResolver;
import org.hibernate.service.spi.ServiceRegistryImplementor;

/**
 * Tells the Hibernate bundled in the WAR which application server's transaction manager to join, by
 * the JNDI name each one publishes it under: Payara's {@code java:appserver/TransactionManager},
 * WildFly's {@code java:jboss/TransactionManager}; otherwise Open Liberty, which publishes none.
 * (persistence.xml names this class in {@code hibernate.transaction.jta.platform_resolver}.)
 */
public class ServerJtaPlatformResolver implements JtaPlatformResolver {

    private static final Logger LOG = Logger.getLogger(ServerJtaPlatformResolver.class.getName());

    @Override
    @SuppressWarnings("rawtypes")
    public JtaPlatform resolveJtaPlatform(Map configurationValues, ServiceRegistryImplementor registry) {
        JtaPlatform platform;
        if (bound("java:appserver/TransactionManager")) {
            platform = new SunOneJtaPlatform();
        } else if (bound("java:jboss/TransactionManager")) {
            platform = new JBossAppServerJtaPlatform();
        } else {
            platform = new WebSphereLibertyJtaPlatform();
        }
        LOG.info(() -> "JTA platform: " + platform.getClass().getSimpleName());
        return platform;
    }

    private static boolean bound(String name) {
        try {
            InitialContext context = new InitialContext();
            try {
                return context.lookup(name) != null;
            } finally {
                context.close();
            }
        } catch (NamingException | RuntimeException e) {
            return false;
        }
    }
}
