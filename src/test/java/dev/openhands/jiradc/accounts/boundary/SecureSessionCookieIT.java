package dev.openhands.jiradc.accounts.boundary;

import static org.junit.jupiter.api.Assertions.*;

import dev.openhands.jiradc.testing.TestEnvironment;
import dev.openhands.jiradc.testing.identity.SessionCookies;
import java.net.URL;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Served to people over https (behind a proxy that ends TLS): the sign-in's cookies, the pending sign-in's and the
 * session's, are Secure, HttpOnly and SameSite=Lax.
 */
@ExtendWith(ArquillianExtension.class)
class SecureSessionCookieIT {

    static final TestEnvironment ENV = TestEnvironment.start();

    @ArquillianResource
    URL service;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ENV.deployment().with("openhands.app-url", "https://openhands.example.com").war();
    }

    @AfterAll
    static void stop() {
        ENV.stop();
    }

    @Test
    void theSessionCookieIsSecureWhenPeopleComeOverHttps() {
        var cookies = SessionCookies.signIn(ENV, service, "secure-cookie", "secure-cookie@example.com");
        for (String cookie : List.of(cookies.pendingSignIn(), cookies.session())) {
            assertTrue(cookie.contains("; secure"), cookie);
            assertTrue(cookie.contains("; httponly"), cookie);
            assertTrue(cookie.contains("; samesite=lax"), cookie);
        }
    }
}
