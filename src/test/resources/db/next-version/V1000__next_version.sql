-- The next version's migration, written as the migration rules allow (MigrationsKeepThePreviousVersionRunningTest):
-- RestartIT applies it while this version runs, as the first upgraded instance of a rolling upgrade would.
alter table job add column next_version_priority integer default 0 not null;
alter table inbox add column next_version_note varchar(255);
create table next_version_audit (id varchar(36) primary key, recorded_at timestamp with time zone not null);
