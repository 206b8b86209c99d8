package dev.openhands.jiradc.audit.entity;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Which records to read: by person ({@code who}), project key, issue key, time ({@code from} inclusive, {@code to}
 * exclusive) and, for the next page, those older than the id {@code before}.
 */
public record AuditFilter(Optional<String> person, Optional<String> project, Optional<String> issue,
        Optional<Instant> from, Optional<Instant> to, OptionalLong before) {

    public static final AuditFilter ALL = new AuditFilter(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), OptionalLong.empty());
}
