package dev.openhands.jiradc.testing.server;

import fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Puts {@link SharedPayaraMicro} in the place of Payara's own Payara Micro container, which starts a server per
 * deployment; {@code -Dit.shared-server=false} keeps Payara's.
 */
public class SharedPayaraMicroExtension implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        if (Boolean.parseBoolean(System.getProperty("it.shared-server", "true"))) {
            builder.override(DeployableContainer.class, PayaraMicroDeployableContainer.class, SharedPayaraMicro.class);
        }
    }
}
