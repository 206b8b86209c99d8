-- People who signed in; the OpenHands API key is sealed with secrets.key.
create table account (
    id                       varchar(36)  not null primary key,
    subject                  varchar(255) not null unique,
    email                    varchar(320) not null,
    email_lower              varchar(320) not null,
    display_name             varchar(255),
    openhands_api_key_sealed varchar(2048),
    created_at               timestamp with time zone not null,
    last_sign_in_at          timestamp with time zone not null
);
create index account_email_lower on account (email_lower);
