package dev.openhands.jiradc.audit.boundary;

import dev.openhands.jiradc.audit.entity.AuditFilter;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The filters of the audit trail's page and export, as query parameters: {@code person}, {@code project},
 * {@code issue} (exact), {@code from} and {@code to} (an instant such as {@code 2026-12-07T10:00:00Z}, or a day such as
 * {@code 2026-12-07}: {@code from} its start, {@code to} its end, in UTC), {@code limit} and {@code before} (the page's
 * size and the id its records are older than). Anything else is a 400 that says what was expected.
 */
public class AuditQuery {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    @QueryParam("person")
    String person;

    @QueryParam("project")
    String project;

    @QueryParam("issue")
    String issue;

    @QueryParam("from")
    String from;

    @QueryParam("to")
    String to;

    @QueryParam("limit")
    String limit;

    @QueryParam("before")
    String before;

    public AuditFilter filter() {
        return new AuditFilter(text(person), text(project).map(String::toUpperCase),
                text(issue).map(String::toUpperCase), time("from", from, false), time("to", to, true), before());
    }

    public int limit() {
        Optional<String> given = text(limit);
        if (given.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(given.get());
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new BadRequestException("limit must be a whole number from 1 to " + MAX_LIMIT + ", not '" + limit + "'.");
    }

    private OptionalLong before() {
        Optional<String> given = text(before);
        try {
            return given.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(given.get()));
        } catch (NumberFormatException e) {
            throw new BadRequestException("before must be the id of a record (a whole number), as the previous page's"
                    + " nextBefore gives it, not '" + before + "'.");
        }
    }

    private static Optional<Instant> time(String name, String value, boolean endOfDay) {
        Optional<String> given = text(value);
        if (given.isEmpty()) {
            return Optional.empty();
        }
        try {
            if (given.get().length() == 10) {
                LocalDate day = LocalDate.parse(given.get());
                return Optional.of((endOfDay ? day.plusDays(1) : day).atStartOfDay().toInstant(ZoneOffset.UTC));
            }
            return Optional.of(Instant.parse(given.get()));
        } catch (DateTimeParseException e) {
            throw new BadRequestException(name + " must be a day such as 2026-12-07 or an instant such as"
                    + " 2026-12-07T10:00:00Z (UTC), not '" + value + "'.");
        }
    }

    private static Optional<String> text(String value) {
        return Optional.ofNullable(value).map(String::trim).filter(v -> !v.isEmpty());
    }
}
