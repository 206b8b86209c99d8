-- Each claim of a job for a check is numbered, so an instance whose claim ran out (and was taken over)
-- cannot record what it saw over what the new owner saw.
alter table job add column claims integer default 0 not null;
-- When OpenHands was asked to start the job's conversation: only the attempt that sets it asks; a later
-- attempt first looks in OpenHands for the start it may have made (under the job's own conversation id).
alter table job add column start_requested_at timestamp with time zone;
