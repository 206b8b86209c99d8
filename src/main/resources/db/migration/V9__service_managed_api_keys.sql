-- Service-to-service mode (openhands.service-api-key): the person's OpenHands user id, from the ID token claim named by
-- openhands.user-id-claim at sign-in (null until their next sign-in), and the API key OpenHands issued for them to this
-- service, sealed with secrets.key (null until first needed). Kept apart from the key a person pastes, so that switching
-- the mode on or off never mistakes one for the other.
alter table account add column openhands_user_id varchar(255);
alter table account add column openhands_managed_key_sealed varchar(2048);
