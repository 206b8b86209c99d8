-- The "I'm on it" comment is said by the job follower, not by the trigger. The trigger leaves on the job where it found
-- the repository named (in the words of that comment); a job without it was announced by its trigger, as a version
-- before this one does. announcing_at is when an instance began saying it: claimed with a conditional update, so that
-- it is said once; a claim older than the processing lease is taken again, after a look at the issue's comments.
alter table job add column repository_named_in varchar(64);
alter table job add column announcing_at timestamp with time zone;
