package dev.openhands.jiradc.settings.boundary;

import dev.openhands.jiradc.platform.ErrorMappers;
import dev.openhands.jiradc.settings.entity.IntegrationSettings;
import dev.openhands.jiradc.settings.entity.SettingsKeys;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/** With the integration switched off, its URLs do not exist: 404, and nothing is read or stored. */
@Provider
@PreMatching
public class IntegrationEnabledFilter implements ContainerRequestFilter {

    @Inject
    IntegrationSettings settings;

    @Override
    public void filter(ContainerRequestContext request) {
        if (settings.enabled()) {
            return;
        }
        String path = request.getUriInfo().getPath();
        path = path.startsWith("/") ? path.substring(1) : path;
        if (path.startsWith("api/integrations/jira-dc") || path.startsWith("integration/jira-dc")) {
            request.abortWith(ErrorMappers.error(Response.status(Response.Status.NOT_FOUND),
                    "The Jira Data Center integration is not enabled; set " + SettingsKeys.ENABLED
                            + "=true and redeploy."));
        }
    }
}
