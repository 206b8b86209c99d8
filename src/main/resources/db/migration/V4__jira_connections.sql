-- Registrations of this service as a Jira webhook target; secrets are sealed with secrets.key.
create table jira_connection (
    id                          varchar(36)  not null primary key,
    setup                       varchar(16)  not null,
    status                      varchar(16)  not null,
    secret_sealed               varchar(512) not null,
    previous_secret_sealed      varchar(512),
    previous_secret_valid_until timestamp with time zone,
    jira_webhook_id             varchar(64),
    created_at                  timestamp with time zone not null,
    activated_at                timestamp with time zone,
    secret_rotated_at           timestamp with time zone,
    last_delivery_at            timestamp with time zone
);
