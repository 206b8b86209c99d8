package dev.openhands.jiradc.audit.control;

import java.util.Optional;

/**
 * The address of the HTTP client of the request this thread serves, for the records made while serving it; none on the
 * service's own threads (the inbox, the job follower, the timers). The connection's peer address only:
 * {@code X-Forwarded-For} is anyone's to write, so behind a proxy the proxy's address is recorded (as the metrics'
 * access rule, which also trusts no such header).
 */
public final class RequestAddress {

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private RequestAddress() {
    }

    /** Set as a request starts on this thread; {@link #clear()} in a {@code finally} as it ends. */
    public static void set(String address) {
        CURRENT.set(address);
    }

    public static void clear() {
        CURRENT.remove();
    }

    public static Optional<String> current() {
        return Optional.ofNullable(CURRENT.get());
    }
}
