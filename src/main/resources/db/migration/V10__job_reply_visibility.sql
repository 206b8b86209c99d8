-- A job asked for in a restricted comment (visible to a project role or a group only) is answered the same way:
-- every later comment about it (its end, a stale notice) carries the trigger's visibility.
alter table job add column visibility_type varchar(32);
alter table job add column visibility_value varchar(255);
