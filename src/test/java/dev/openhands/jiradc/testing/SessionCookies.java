package dev.openhands.jiradc.testing;

import java.net.URL;
import java.util.Locale;

/** The session cookie a server writes when a sign-in starts, as its {@code Set-Cookie} header says it (lower case). */
public final class SessionCookies {

    private SessionCookies() {
    }

    public static String atSignIn(URL service) {
        return new Browser(path -> ServiceUrls.local(service, path)).getNoRedirect("/sign-in").headers()
                .allValues("Set-Cookie").stream().filter(value -> value.toUpperCase(Locale.ROOT).startsWith("JSESSIONID="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie at /sign-in")).toLowerCase(Locale.ROOT);
    }
}
