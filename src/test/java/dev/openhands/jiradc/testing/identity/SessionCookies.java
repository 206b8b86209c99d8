package dev.openhands.jiradc.testing.identity;

import dev.openhands.jiradc.testing.Http;
import dev.openhands.jiradc.testing.ServiceUrls;
import dev.openhands.jiradc.testing.TestEnvironment;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The cookies a server writes along a sign-in, as their {@code Set-Cookie} headers say them (lower case). */
public final class SessionCookies {

    public static final String PENDING_SIGN_IN = "openhands_jira_dc_sign_in";
    public static final String SESSION = "openhands_jira_dc_session";

    /**
     * @param pendingSignIn the cookie written when the sign-in starts, while the identity provider has the browser
     * @param session the cookie written when the identity provider sends the browser back
     * @param all every cookie written along the way
     */
    public record SignInCookies(String pendingSignIn, String session, List<String> all) {
    }

    private SessionCookies() {
    }

    /**
     * A whole sign-in as this person, one request at a time. The pending sign-in's cookie is sent back by hand: a
     * {@code Secure} one (the service served over https) is one the test's client would keep from plain http.
     */
    public static SignInCookies signIn(TestEnvironment env, URL service, String subject, String email) {
        env.idp.nextSignIn(subject, email, "Person " + subject, List.of());
        HttpResponse<String> started = Http.get(ServiceUrls.local(service, "/sign-in"));
        String pendingSignIn = named(started, PENDING_SIGN_IN);
        URI callback = env.idp.answer(URI.create(started.headers().firstValue("Location").orElseThrow()));
        HttpResponse<String> back = Http
                .send(HttpRequest.newBuilder(ServiceUrls.local(service, callback.getRawPath() + "?"
                        + callback.getRawQuery())).header("Cookie", pendingSignIn.split(";")[0]).GET().build());
        List<String> all = new ArrayList<>(cookies(started));
        all.addAll(cookies(back));
        return new SignInCookies(lowerCase(pendingSignIn), lowerCase(named(back, SESSION)),
                all.stream().map(SessionCookies::lowerCase).toList());
    }

    private static String named(HttpResponse<String> response, String name) {
        return cookies(response).stream()
                .filter(cookie -> cookie.startsWith(name + "=") && !cookie.startsWith(name + "=;"))
                .findFirst().orElseThrow(() -> new AssertionError("no cookie " + name + " at " + response.uri() + ": "
                        + response.statusCode() + " " + response.headers().allValues("Set-Cookie")));
    }

    private static List<String> cookies(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie");
    }

    private static String lowerCase(String cookie) {
        return cookie.toLowerCase(Locale.ROOT);
    }
}
