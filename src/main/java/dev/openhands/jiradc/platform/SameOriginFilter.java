package dev.openhands.jiradc.platform;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import java.util.Optional;
import java.util.Set;

/**
 * Cross-site request forgery: a page elsewhere can make a signed-in person's browser send a form or a simple request
 * here, with their session cookie. A state-changing call to the API or to sign-out is taken only with a JSON body or
 * the header {@code X-Requested-With} (neither can be sent cross-site without a CORS preflight, which is never
 * granted), and, where the browser says where it comes from ({@code Origin}, {@code Sec-Fetch-Site}), only from
 * this origin. Others get 403.
 */
@Provider
@PreMatching
public class SameOriginFilter implements ContainerRequestFilter {

    static final String REQUESTED_WITH = "X-Requested-With";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> SAME_SITE_FETCHES = Set.of("same-origin", "none");

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath().replaceFirst("^/", "");
        if (SAFE_METHODS.contains(request.getMethod()) || !(path.startsWith("api/") || path.equals("sign-in/out"))) {
            return;
        }
        Optional<String> refusal = refusal(request);
        refusal.ifPresent(reason -> request.abortWith(ErrorMappers.error(Response.status(Response.Status.FORBIDDEN),
                "Refused as a possible cross-site request: " + reason + ".")));
    }

    private static Optional<String> refusal(ContainerRequestContext request) {
        boolean json = request.getMediaType() != null
                && request.getMediaType().isCompatible(MediaType.APPLICATION_JSON_TYPE);
        if (!json && request.getHeaderString(REQUESTED_WITH) == null) {
            return Optional.of("send it as application/json, or with the header " + REQUESTED_WITH);
        }
        String fetchSite = request.getHeaderString("Sec-Fetch-Site");
        if (fetchSite != null && !SAME_SITE_FETCHES.contains(fetchSite)) {
            return Optional.of("it comes from another site (Sec-Fetch-Site: " + fetchSite + ")");
        }
        String origin = request.getHeaderString("Origin");
        if (origin != null && !authority(origin).equalsIgnoreCase(host(request))) {
            return Optional.of("it comes from another origin");
        }
        return Optional.empty();
    }

    /** The host (and port) the browser addressed: the proxy's forwarded host, or the Host header. */
    private static String host(ContainerRequestContext request) {
        String forwarded = request.getHeaderString("X-Forwarded-Host");
        return (forwarded != null ? forwarded.split(",")[0] : request.getHeaderString(HttpHeaders.HOST)).trim();
    }

    private static String authority(String origin) {
        try {
            return Optional.ofNullable(URI.create(origin.trim()).getRawAuthority()).orElse("");
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
