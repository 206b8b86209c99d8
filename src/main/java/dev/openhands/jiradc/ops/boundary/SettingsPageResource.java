package dev.openhands.jiradc.ops.boundary;

import jakarta.servlet.ServletContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The settings page, {@code /settings/integrations}: plain HTML, CSS and JavaScript from the WAR
 * ({@code src/main/webapp/settings}), which talks to the JSON APIs. JAX-RS answers every path from
 * the context root, so the files are served from here rather than by the app server's default
 * servlet. The page is the same for everyone; what it shows comes from the APIs.
 */
@Path("settings")
public class SettingsPageResource {

    /** The content type of each kind of file in {@code src/main/webapp/settings}; other names are not served. */
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=UTF-8",
            "css", "text/css; charset=UTF-8",
            "js", "text/javascript; charset=UTF-8");

    /** Only this origin's own files, no inline script, nothing framing the page. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src"
            + " 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    @Context
    ServletContext servlet;

    @GET
    @Path("integrations")
    public Response page() {
        return file("integrations.html");
    }

    @GET
    @Path("{file: [a-z][a-z0-9-]*\\.(css|js)}")
    public Response asset(@PathParam("file") String name) {
        return file(name);
    }

    private Response file(String name) {
        return Response.ok(read(name), TYPES.get(name.substring(name.lastIndexOf('.') + 1)))
                .header("Cache-Control", "no-cache")
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .build();
    }

    private byte[] read(String name) {
        try (InputStream in = servlet.getResourceAsStream("/settings/" + name)) {
            if (!name.matches("[a-z][a-z0-9-]*\\.(html|css|js)") || in == null) {
                throw new NotFoundException("No such file: /settings/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
