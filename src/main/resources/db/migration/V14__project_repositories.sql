-- Repositories per Jira project (issue 21): an admin maps a project key to the repository a trigger uses when the issue
-- names none, and optionally to the only repositories its jobs may run in, each with its Git provider when known.
-- Read from here at every trigger, so that every instance applies the same mapping at once.
create table project_repositories (
    project_key         varchar(255) not null primary key,
    default_repository  varchar(255) not null,
    default_provider    varchar(32),
    updated_at          timestamp with time zone not null
);

create table project_allowed_repository (
    project_key  varchar(255) not null references project_repositories (project_key) on delete cascade,
    list_index   integer      not null,
    repository   varchar(255) not null,
    provider     varchar(32),
    primary key (project_key, list_index)
);

-- The "I'm on it" comment says "the <KEY> project's default repository" when no one named it; a project key is up to
-- 255 characters.
alter table job alter column repository_named_in set data type varchar(320);
