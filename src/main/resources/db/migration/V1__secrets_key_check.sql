-- A known value sealed with secrets.key, to tell at start-up whether the key was changed.
create table secrets_key_check (
    id           bigint       not null primary key,
    sealed_value varchar(512) not null,
    created_at   timestamp with time zone not null
);
