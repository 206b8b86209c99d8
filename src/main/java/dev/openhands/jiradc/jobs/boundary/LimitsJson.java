package dev.openhands.jiradc.jobs.boundary;

import dev.openhands.jiradc.jobs.entity.Job;
import dev.openhands.jiradc.jobs.entity.JobLimits;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.BadRequestException;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/** What the limits resource answers and takes, in the JSON the settings page reads; an unset limit is left out. */
public final class LimitsJson {

    /** The most a limit may be set to: beyond it, a limit is no limit. */
    static final int HIGHEST = 100_000;

    private LimitsJson() {
    }

    /** The limits; a missing or null limit is no limit. {@code pastLimit}: {@code queue} or {@code refuse}. */
    @JsonbPropertyOrder({"perPerson", "perProject", "installation", "perIssuePerDay", "pastLimit", "updatedAt",
            "updatedBy"})
    public record Limits(Integer perPerson, Integer perProject, Integer installation, Integer perIssuePerDay,
            String pastLimit, Instant updatedAt, String updatedBy) {

        static Limits of(JobLimits.Values values, Instant updatedAt, String updatedBy) {
            return new Limits(values.perPerson().orElse(null), values.perProject().orElse(null),
                    values.installation().orElse(null), values.perIssuePerDay().orElse(null),
                    values.pastLimit().name().toLowerCase(Locale.ROOT), updatedAt, updatedBy);
        }

        private static final String EXAMPLE = "{\"perPerson\": 2, \"pastLimit\": \"queue\"}";

        /**
         * Parsed here rather than by the JAX-RS provider, so that a body that is not a JSON object (malformed, an
         * array, a number, nothing) is a 400 in words rather than an error of the JSON provider.
         *
         * @throws BadRequestException (400) saying what to send
         */
        static Limits from(String body) {
            JsonValue parsed;
            try (JsonReader reader = Json.createReader(new StringReader(body == null ? "" : body))) {
                parsed = body == null || body.isBlank() ? null : reader.readValue();
            } catch (JsonException e) {
                parsed = null;
            }
            if (!(parsed instanceof JsonObject object)) {
                throw new BadRequestException("Send the limits as a JSON object, such as " + EXAMPLE + ".");
            }
            return from(object);
        }

        /**
         * Read by hand from the JSON sent, so that a value of the wrong type ({@code "two"}) is a 400 naming the field,
         * not an error of the JSON binding.
         *
         * @throws BadRequestException (400) saying which field is wrong
         */
        static Limits from(JsonObject body) {
            JsonValue past = body.getOrDefault("pastLimit", JsonValue.NULL);
            if (past.getValueType() != JsonValue.ValueType.NULL && !(past instanceof JsonString)) {
                throw new BadRequestException("'pastLimit' is either \"queue\" or \"refuse\"; it was " + past + ".");
            }
            return new Limits(number(body, "perPerson"), number(body, "perProject"), number(body, "installation"),
                    number(body, "perIssuePerDay"), past instanceof JsonString text ? text.getString() : null, null,
                    null);
        }

        private static Integer number(JsonObject body, String name) {
            JsonValue value = body.getOrDefault(name, JsonValue.NULL);
            if (value.getValueType() == JsonValue.ValueType.NULL) {
                return null;
            }
            if (!(value instanceof JsonNumber number) || !number.isIntegral()
                    || number.bigIntegerValue().bitLength() > 31) {
                throw new BadRequestException("'" + name + "' is a whole number from 1 to " + HIGHEST
                        + ", or null for no limit; it was " + value + ".");
            }
            return number.intValue();
        }

        /** @throws BadRequestException (400) saying which field is wrong */
        JobLimits.Values values() {
            String past = Optional.ofNullable(pastLimit).orElse("queue").trim().toUpperCase(Locale.ROOT);
            if (!List.of("QUEUE", "REFUSE").contains(past)) {
                throw new BadRequestException(
                        "'pastLimit' is either \"queue\" (a trigger past a limit waits for a slot)"
                                + " or \"refuse\" (it is refused with a comment); it was \"" + pastLimit + "\".");
            }
            return new JobLimits.Values(limit("perPerson", perPerson), limit("perProject", perProject),
                    limit("installation", installation), limit("perIssuePerDay", perIssuePerDay),
                    JobLimits.PastLimit.valueOf(past));
        }

        private static Optional<Integer> limit(String name, Integer value) {
            if (value != null && (value < 1 || value > HIGHEST)) {
                throw new BadRequestException("'" + name + "' is a whole number from 1 to " + HIGHEST
                        + ", or null for no limit; it was " + value + ".");
            }
            return Optional.ofNullable(value);
        }
    }

    /** A job running or waiting; {@code position} is its place in the queue (1 starts next), for a waiting one. */
    @JsonbPropertyOrder({"id", "status", "issueKey", "project", "person", "account", "repository", "createdAt",
            "conversationId", "position"})
    public record ActiveJob(String id, String status, String issueKey, String project, String person, String account,
            String repository, Instant createdAt, String conversationId, Integer position) {
    }

    /** How many run and wait for one person or project. */
    @JsonbPropertyOrder({"name", "running", "queued"})
    public record Tally(String name, int running, int queued) {
    }

    @JsonbPropertyOrder({"running", "queued", "jobs", "perPerson", "perProject"})
    public record Active(int running, int queued, List<ActiveJob> jobs, List<Tally> perPerson,
            List<Tally> perProject) {

        /** @param emails the account's email, by account id */
        static Active of(List<Job> active, Function<String, String> emails) {
            List<ActiveJob> jobs = new ArrayList<>();
            Map<String, int[]> persons = new TreeMap<>();
            Map<String, int[]> projects = new TreeMap<>();
            int queued = 0;
            for (Job job : active) {
                boolean waiting = job.status() == Job.Status.QUEUED;
                queued += waiting ? 1 : 0;
                jobs.add(new ActiveJob(job.id(), job.status().name().toLowerCase(Locale.ROOT), job.issueKey(),
                        job.projectKey(), job.actorName(), emails.apply(job.accountId()), job.repository(),
                        job.createdAt(), job.conversationId().orElse(null), waiting ? queued : null));
                persons.computeIfAbsent(job.actorName(), name -> new int[2])[waiting ? 1 : 0]++;
                projects.computeIfAbsent(job.projectKey(), name -> new int[2])[waiting ? 1 : 0]++;
            }
            return new Active(active.size() - queued, queued, jobs, tallies(persons), tallies(projects));
        }

        private static List<Tally> tallies(Map<String, int[]> counts) {
            return counts.entrySet().stream().map(e -> new Tally(e.getKey(), e.getValue()[0], e.getValue()[1]))
                    .toList();
        }
    }

    /** What stopping a job did. */
    @JsonbPropertyOrder({"id", "status", "issueKey", "conversationDeleted", "issueTold"})
    public record Stopped(String id, String status, String issueKey, boolean conversationDeleted, boolean issueTold) {

        static Stopped of(RunningJobs.Stopped stopped) {
            return new Stopped(stopped.job().id(), stopped.job().status().name().toLowerCase(Locale.ROOT),
                    stopped.job().issueKey(), stopped.conversationDeleted(), stopped.issueTold());
        }
    }
}
