package dev.openhands.jiradc.platform;

import jakarta.ws.rs.ProcessingException;
import java.io.IOException;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * A MicroProfile REST client to Jira or OpenHands, built once for its configuration (the base address and the trusted
 * CAs of {@link TrustedCaContext}) and built again only when that changes, never per call. Every call is counted and
 * timed ({@link CallTimer}); what an error answer means is said by the service's own {@code ResponseExceptionMapper},
 * one of the {@code providers}, which replaces the default mapper.
 */
public final class OutboundClient<T> {

    private final Class<T> api;
    private final Map<String, Object> properties;
    private final List<Object> providers;
    private volatile Built<T> built;

    private record Built<T>(URI base, List<X509Certificate> trusted, T client) {
    }

    /**
     * @param properties the implementation's properties, besides the timeouts and the default mapper (off)
     * @param providers the service's {@code ResponseExceptionMapper} and {@link CallTimer}, and any other provider
     */
    public OutboundClient(Class<T> api, Map<String, Object> properties, Object... providers) {
        this.api = api;
        this.properties = Map.copyOf(properties);
        this.providers = List.of(providers);
    }

    /** The client for this base address and these trusted CAs: the one built for them before, or a new one. */
    public T at(URI base, List<X509Certificate> trusted) {
        Built<T> current = built;
        if (current != null && current.base().equals(base) && current.trusted().equals(trusted)) {
            return current.client();
        }
        synchronized (this) {
            current = built;
            if (current == null || !current.base().equals(base) || !current.trusted().equals(trusted)) {
                current = new Built<>(base, List.copyOf(trusted), build(base, trusted));
                built = current;
            }
            return current.client();
        }
    }

    private T build(URI base, List<X509Certificate> trusted) {
        RestClientBuilder builder = RestClientBuilder.newBuilder()
                .baseUri(base)
                .sslContext(TrustedCaContext.with(trusted))
                .connectTimeout(5, TimeUnit.SECONDS)
                .readTimeout(30, TimeUnit.SECONDS)
                .property("microprofile.rest.client.disable.default.mapper", true);
        properties.forEach(builder::property);
        providers.forEach(builder::register);
        return builder.build(api);
    }

    /**
     * Whether a call that failed without an error answer did get an answer, one that could not be read as the type
     * asked for (not JSON, or JSON of another shape): no failure to send or receive is among its causes.
     */
    public static boolean unreadableAnswer(ProcessingException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return false;
            }
        }
        return true;
    }
}
