-- Following each job to its end: who asked (for the mentions), what OpenHands last said, when to look
-- again, and what was reported, so that every instance can take over the following after a restart.
alter table job add column comment_id varchar(32);
alter table job add column actor_name varchar(255) default '' not null;
alter table job add column follow_up_of varchar(36);
alter table job add column task_status varchar(32);
alter table job add column execution_status varchar(32);
alter table job add column last_event_id varchar(64);
alter table job add column last_change_at timestamp with time zone;
alter table job add column next_check_at timestamp with time zone;
alter table job add column followed_by varchar(128);
alter table job add column check_interval_ms bigint default 0 not null;
alter table job add column stale_reported_at timestamp with time zone;
alter table job add column finished_at timestamp with time zone;
alter table job add column pull_requests varchar(255);
alter table job add column outcome varchar(2000);

-- jobs started before this version are followed from now on
update job set next_check_at = updated_at, last_change_at = updated_at where status = 'STARTED';

create index job_due on job (next_check_at);
