package dev.openhands.jiradc.projects.boundary;

import dev.openhands.jiradc.accounts.boundary.AdminOnly;
import dev.openhands.jiradc.projects.control.MappingCheck;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * Admins map a Jira project to the repository its triggers use when an issue names none, and optionally to the only
 * repositories its jobs may run in. A mapping that does not hold together is a 400 that says why ({@link
 * MappingCheck}).
 */
@Path("api/integrations/jira-dc/projects")
@Produces(MediaType.APPLICATION_JSON)
@AdminOnly
public class ProjectsResource {

    @Inject
    Projects projects;

    @GET
    public List<ProjectJson> list() {
        return projects.all().stream().map(ProjectJson::of).toList();
    }

    @GET
    @Path("{key}")
    public ProjectJson get(@PathParam("key") String key) {
        return ProjectJson.of(projects.find(key));
    }

    /** Creates or replaces the project's mapping. */
    @PUT
    @Path("{key}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ProjectJson put(@PathParam("key") String key, String body) {
        return ProjectJson.of(projects.put(ProjectJson.checked(key, body)));
    }

    @DELETE
    @Path("{key}")
    public void delete(@PathParam("key") String key) {
        projects.delete(key);
    }
}
