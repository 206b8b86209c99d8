package dev.openhands.jiradc.platform;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.HibernateException;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every named query of the persistence unit parses, on each dialect the service runs on. The deployment skips this
 * check ({@code hibernate.query.startup_check} is off in persistence.xml) because it costs every start; here it runs
 * once per build, without a database.
 */
class NamedQueriesTest {

    @ParameterizedTest
    @ValueSource(strings = {"org.hibernate.dialect.H2Dialect", "org.hibernate.dialect.PostgreSQLDialect"})
    void everyNamedQueryParses(String dialect) throws IOException, ClassNotFoundException {
        List<Class<?>> entities = new ArrayList<>();
        for (String name : PersistenceUnitTest.listedClasses()) {
            entities.add(Class.forName(name));
        }
        assertDoesNotThrow(() -> boot(dialect, entities).close());
    }

    @ParameterizedTest
    @ValueSource(strings = {"org.hibernate.dialect.H2Dialect", "org.hibernate.dialect.PostgreSQLDialect"})
    void aBrokenNamedQueryFailsTheCheck(String dialect) {
        HibernateException refused = assertThrows(HibernateException.class, () -> boot(dialect, List.of(Broken.class)));
        assertTrue(refused.getMessage().contains("Broken.byMissingField"), refused.getMessage());
    }

    private static SessionFactory boot(String dialect, List<Class<?>> entities) {
        Configuration configuration = new Configuration()
                .setProperty("hibernate.dialect", dialect)
                .setProperty("hibernate.boot.allow_jdbc_metadata_access", "false")
                .setProperty("hibernate.query.startup_check", "true")
                .setProperty("hibernate.hbm2ddl.auto", "none");
        entities.forEach(configuration::addAnnotatedClass);
        return configuration.buildSessionFactory();
    }

    @Entity(name = "Broken")
    @NamedQuery(name = "Broken.byMissingField", query = "select b from Broken b where b.missing = 1")
    static class Broken {
        @Id
        long id;
    }
}
