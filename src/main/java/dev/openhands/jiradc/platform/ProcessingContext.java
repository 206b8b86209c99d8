package dev.openhands.jiradc.platform;

import java.util.function.Supplier;
import java.util.logging.Filter;
import java.util.logging.Logger;

/**
 * What a thread is working on (an issue, a delivery, a job), written in front of every log line it
 * produces through a logger from {@link #logger}: {@code [issue=ACME-12 delivery=... job=...]}. So
 * one grep finds everything that happened for an issue, on every app server's log format.
 */
public final class ProcessingContext {

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private static final Filter PREFIX = record -> {
        String context = CURRENT.get();
        if (context != null && record.getMessage() != null && !record.getMessage().startsWith(context)) {
            record.setMessage(context + " " + record.getMessage());
        }
        return true;
    };

    private ProcessingContext() {
    }

    /** A logger whose lines carry the current context. */
    public static Logger logger(Class<?> type) {
        Logger logger = Logger.getLogger(type.getName());
        logger.setFilter(PREFIX);
        return logger;
    }

    /** Runs the work with the context {@code [key=value ...]} (pairs with a null value are left out). */
    public static void with(Runnable work, String... keysAndValues) {
        with(() -> {
            work.run();
            return null;
        }, keysAndValues);
    }

    /** Computes the result with the context {@code [key=value ...]} (pairs with a null value are left out). */
    public static <T> T with(Supplier<T> work, String... keysAndValues) {
        StringBuilder context = new StringBuilder("[");
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                context.append(context.length() > 1 ? " " : "").append(keysAndValues[i]).append('=')
                        .append(keysAndValues[i + 1]);
            }
        }
        String previous = CURRENT.get();
        CURRENT.set(context.append(']').toString());
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }
}
