package dev.openhands.jiradc.testing.browser;

import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A person's browser: keeps cookies and follows redirects, so it can sign in and call the APIs. */
public final class Browser {

    private final HttpClient client;

    private final java.util.function.Function<String, URI> service;

    public Browser(java.util.function.Function<String, URI> service) {
        this(service, new CookieManager(null, CookiePolicy.ACCEPT_ALL));
    }

    private Browser(java.util.function.Function<String, URI> service, CookieHandler cookies) {
        this.service = service;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30)).build();
    }

    /**
     * The same browser, with the same cookies, sending its requests to another instance of the service: as a load
     * balancer without sticky sessions may (cookies are the host's, whatever the port).
     */
    public Browser at(java.util.function.Function<String, URI> otherInstance) {
        return new Browser(otherInstance, client.cookieHandler().orElseThrow());
    }

    /** The value of a cookie this browser keeps, as it would send it. */
    public java.util.Optional<String> cookie(String name) {
        return ((CookieManager) client.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals(name) && !cookie.hasExpired())
                .map(java.net.HttpCookie::getValue)
                .findFirst();
    }

    /** Goes through the identity provider's sign-in; returns the last response of the redirect chain. */
    public HttpResponse<String> signIn() {
        return get("/sign-in");
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(service.apply(path)).GET());
    }

    /**
     * As the settings page sends it: without a body, so with {@code X-Requested-With}, which a cross-site form cannot
     * send.
     */
    public HttpResponse<String> delete(String path) {
        return send(HttpRequest.newBuilder(service.apply(path)).header("X-Requested-With", "fetch").DELETE());
    }

    /** Any request, with this browser's cookies: for what the settings page would never send. */
    public HttpResponse<String> send(String method, String path, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(service.apply(path)).method(method,
                HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request);
    }

    public HttpResponse<String> putJson(String path, String json) {
        return send(HttpRequest.newBuilder(service.apply(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> postJson(String path, String json) {
        return send(HttpRequest.newBuilder(service.apply(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Without following redirects: for checking where a redirect points. */
    public HttpResponse<String> getNoRedirect(String path) {
        HttpClient noRedirects = HttpClient.newBuilder().cookieHandler(client.cookieHandler().orElseThrow())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        try {
            return noRedirects.send(HttpRequest.newBuilder(service.apply(path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
