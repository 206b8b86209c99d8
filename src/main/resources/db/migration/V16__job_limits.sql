-- Limits an admin sets on jobs, one row (id 1), read and locked by every admission: a trigger is let in, queued or
-- refused while this row is locked, so that two instances never both start past a limit. A null limit is no limit.
-- past_limit says what a trigger past a limit of running jobs does: QUEUE (waits in order) or REFUSE.
create table job_limits (
    id                  integer     not null primary key,
    per_person          integer,
    per_project         integer,
    installation        integer,
    per_issue_per_day   integer,
    past_limit          varchar(16) not null,
    updated_at          timestamp with time zone not null,
    updated_by          varchar(255)
);
insert into job_limits (id, past_limit, updated_at) values (1, 'QUEUE', current_timestamp);
-- The Jira project a job is in (its issue key before the dash), counted against the per-project limit. Jobs of the
-- version before this one are given theirs here; rows it writes during a rolling upgrade have none, and count only
-- against the other limits.
alter table job add column project_key varchar(64);
update job set project_key = substring(issue_key, 1, position('-' in issue_key) - 1) where position('-' in issue_key) > 1;
-- A job waiting for a slot is a job row in status QUEUED, in the order of created_at.
create index job_status_created on job (status, created_at);
