package dev.openhands.jiradc.platform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** All HTTP endpoints are JAX-RS resources at their documented paths, from the context root. */
@ApplicationPath("/")
public class RestApplication extends Application {
}
