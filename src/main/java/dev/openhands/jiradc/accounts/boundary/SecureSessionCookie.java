package dev.openhands.jiradc.accounts.boundary;

import dev.openhands.jiradc.settings.entity.SettingsKeys;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.net.URI;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The session cookie is {@code Secure} when people reach the service over https ({@code openhands.app-url}, from which
 * its callback and webhook URLs are built, starts with {@code https:}): behind a proxy that ends TLS the server itself
 * sees plain http, and would otherwise let the browser send the cookie over plain http too.
 */
@WebListener
public class SecureSessionCookie implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        boolean https = ConfigProvider.getConfig(SecureSessionCookie.class.getClassLoader())
                .getOptionalValue(SettingsKeys.APP_URL, String.class)
                .map(url -> "https".equalsIgnoreCase(URI.create(url.trim()).getScheme())).orElse(false);
        if (https) {
            event.getServletContext().getSessionCookieConfig().setSecure(true);
        }
    }
}
