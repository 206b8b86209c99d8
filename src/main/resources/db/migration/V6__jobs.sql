-- One OpenHands conversation per trigger (the trigger is the inbox entry that asked for it).
create table job (
    id              varchar(36)  not null primary key,
    trigger_id      varchar(36)  not null unique,
    issue_id        varchar(32)  not null,
    issue_key       varchar(64)  not null,
    account_id      varchar(36)  not null,
    repository      varchar(255) not null,
    status          varchar(16)  not null,
    start_task_id   varchar(64),
    conversation_id varchar(64),
    announced_at    timestamp with time zone,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null
);
create index job_issue on job (issue_id);
