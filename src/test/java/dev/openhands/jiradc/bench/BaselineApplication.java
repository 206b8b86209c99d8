package dev.openhands.jiradc.bench;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The baseline WAR's JAX-RS application: {@link BaselineReceiver} at {@code /baseline/connections/{id}/events} and
 * {@link SameWorkReceiver} at {@code /baseline/same-work/connections/{id}/events}.
 */
@ApplicationPath("/")
public class BaselineApplication extends Application {
}
