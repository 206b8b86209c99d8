-- Accepted deliveries that ask for work (triggers and deletions), committed before Jira gets its 2xx.
-- dedup_key is content-based, so a repeated delivery, or the comment_created + issue_commented pair,
-- can enter only once.
create table inbox (
    id            varchar(36)     not null primary key,
    dedup_key     varchar(255)    not null unique,
    connection_id varchar(36)     not null,
    kind          varchar(16)     not null,
    webhook_event varchar(64)     not null,
    issue_id      varchar(32),
    issue_key     varchar(64),
    actor_key     varchar(255),
    payload       varchar(4194304) not null,
    status        varchar(16)     not null,
    attempts      integer         not null,
    available_at  timestamp with time zone not null,
    lease_until   timestamp with time zone,
    claimed_by    varchar(64),
    received_at   timestamp with time zone not null,
    finished_at   timestamp with time zone,
    result        varchar(2000)
);
create index inbox_pending on inbox (status, available_at);

-- Every accepted delivery and what became of it, kept for jira-dc.delivery-log.retention.
create table delivery (
    id            varchar(36)   not null primary key,
    inbox_id      varchar(36),
    connection_id varchar(36)   not null,
    received_at   timestamp with time zone not null,
    webhook_event varchar(64),
    issue_key     varchar(64),
    actor         varchar(255),
    outcome       varchar(500)  not null,
    result        varchar(500)
);
create index delivery_connection_received on delivery (connection_id, received_at);
create index delivery_received on delivery (received_at);
create index delivery_inbox on delivery (inbox_id);
