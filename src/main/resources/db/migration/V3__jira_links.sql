-- Jira users linked to accounts; OAuth tokens are sealed with secrets.key.
create table jira_link (
    id                   varchar(36)   not null primary key,
    account_id           varchar(36)   not null unique references account (id) on delete cascade,
    method               varchar(16)   not null,
    jira_key             varchar(255)  not null unique,
    jira_name            varchar(255)  not null,
    jira_email           varchar(320),
    jira_display_name    varchar(255),
    access_token_sealed  varchar(4096),
    refresh_token_sealed varchar(4096),
    access_expires_at    timestamp with time zone,
    linked_at            timestamp with time zone not null,
    refreshed_at         timestamp with time zone,
    broken_reason        varchar(1000)
);

-- One row per "Connect" click: the OAuth state, single use, valid for ten minutes.
create table oauth_attempt (
    state                varchar(64)   not null primary key,
    account_id           varchar(36)   not null references account (id) on delete cascade,
    code_verifier_sealed varchar(512),
    created_at           timestamp with time zone not null,
    expires_at           timestamp with time zone not null,
    finished_at          timestamp with time zone,
    outcome              varchar(32),
    message              varchar(1000)
);
create index oauth_attempt_account on oauth_attempt (account_id, finished_at);
