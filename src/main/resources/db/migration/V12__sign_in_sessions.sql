-- Signed-in sessions, seen by every instance (no sticky sessions needed). The browser's cookie holds a random token;
-- only its SHA-256 hash is stored here, so a copy of this table signs nobody in. A row ends at sign-out, and is
-- pruned once oidc.session-lifetime has passed since sign-in. Whether the person was in the admin group is what
-- their sign-in said; admin calls ask for a fresh sign-in after oidc.admin-reauthenticate-after.
create table sign_in_session (
    id           varchar(64) not null primary key,
    account_id   varchar(36) not null references account (id) on delete cascade,
    admin        boolean     not null,
    signed_in_at timestamp with time zone not null
);
create index sign_in_session_signed_in_at on sign_in_session (signed_in_at);
