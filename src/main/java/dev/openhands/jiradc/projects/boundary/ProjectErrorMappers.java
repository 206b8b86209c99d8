package dev.openhands.jiradc.projects.boundary;

import dev.openhands.jiradc.platform.ErrorMappers;
import dev.openhands.jiradc.projects.entity.MappingRefused;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** What a project mapping's checks refuse, answered once for the resource. */
public final class ProjectErrorMappers {

    private ProjectErrorMappers() {
    }

    /** A mapping that does not hold together: 400, in words the admin can act on. */
    @Provider
    public static class Refused implements ExceptionMapper<MappingRefused> {
        @Override
        public Response toResponse(MappingRefused e) {
            return ErrorMappers.error(Response.status(Response.Status.BAD_REQUEST), e.getMessage());
        }
    }
}
