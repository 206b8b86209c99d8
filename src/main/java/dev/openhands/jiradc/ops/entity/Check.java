package dev.openhands.jiradc.ops.entity;

import java.util.Locale;
import java.util.Optional;

/**
 * One row of the troubleshooting panel: what was checked, whether it is fine, and if not what to do.
 * {@code value} is something the admin copies (a URL to register); never a secret.
 */
public record Check(String id, String title, Status status, String detail, Optional<String> fix,
        Optional<String> value) {

    public enum Status {
        /** Checked, and fine. */
        OK,
        /** Checked, and wrong: {@code fix} says what to do. */
        PROBLEM,
        /** Not checked, or not proven yet (nothing happened that would show it). */
        UNKNOWN;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static Check ok(String id, String title, String detail) {
        return new Check(id, title, Status.OK, detail, Optional.empty(), Optional.empty());
    }

    public static Check problem(String id, String title, String detail, String fix) {
        return new Check(id, title, Status.PROBLEM, detail, Optional.of(fix), Optional.empty());
    }

    public static Check unknown(String id, String title, String detail, String fix) {
        return new Check(id, title, Status.UNKNOWN, detail, Optional.ofNullable(fix), Optional.empty());
    }

    public Check withValue(String copyable) {
        return new Check(id, title, status, detail, fix, Optional.ofNullable(copyable));
    }
}
