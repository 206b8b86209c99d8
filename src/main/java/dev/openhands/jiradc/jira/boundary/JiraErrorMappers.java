package dev.openhands.jiradc.jira.boundary;

import dev.openhands.jiradc.jira.entity.Jira9Detected;
import dev.openhands.jiradc.jira.entity.JiraCallFailed;
import dev.openhands.jiradc.platform.ErrorMappers;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A call to Jira that a request needed, and that failed, answered once for every resource. */
public final class JiraErrorMappers {

    private JiraErrorMappers() {
    }

    /** Jira did not do what this request needed of it: 502, with what happened in Jira's words. */
    @Provider
    public static class CallFailed implements ExceptionMapper<JiraCallFailed> {
        @Override
        public Response toResponse(JiraCallFailed e) {
            return ErrorMappers.error(Response.status(Response.Status.BAD_GATEWAY), e.getMessage());
        }
    }

    /** Jira 9.x or older cannot sign deliveries: 409, nothing to retry until Jira is upgraded. */
    @Provider
    public static class NineDetected implements ExceptionMapper<Jira9Detected> {
        @Override
        public Response toResponse(Jira9Detected e) {
            return ErrorMappers.error(Response.status(Response.Status.CONFLICT), e.getMessage());
        }
    }
}
