package dev.openhands.jiradc.jobs.boundary;

import dev.openhands.jiradc.accounts.boundary.Accounts;
import dev.openhands.jiradc.accounts.boundary.AdminOnly;
import dev.openhands.jiradc.accounts.boundary.SignedInUser;
import dev.openhands.jiradc.accounts.entity.Account;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** For admins: the limits on running jobs, what runs and waits under them, and stopping a job. */
@Path("api/integrations/jira-dc")
@Produces(MediaType.APPLICATION_JSON)
@AdminOnly
public class LimitsResource {

    @Inject
    JobAdmissions admissions;

    @Inject
    RunningJobs running;

    @Inject
    Accounts accounts;

    @Inject
    SignedInUser user;

    @GET
    @Path("limits")
    public LimitsJson.Limits limits() {
        return admissions.limitsAsSet();
    }

    @PUT
    @Path("limits")
    @Consumes(MediaType.APPLICATION_JSON)
    public LimitsJson.Limits change(String body) {
        admissions.change(LimitsJson.Limits.from(body).values(), user.admin().email());
        return admissions.limitsAsSet();
    }

    @GET
    @Path("jobs/active")
    public LimitsJson.Active active() {
        return LimitsJson.Active.of(admissions.active(),
                accountId -> accounts.byId(accountId).map(Account::email).orElse(null));
    }

    @POST
    @Path("jobs/{id}/stop")
    public LimitsJson.Stopped stop(@PathParam("id") String id) {
        return LimitsJson.Stopped.of(running.stop(id, user.admin().email()));
    }
}
