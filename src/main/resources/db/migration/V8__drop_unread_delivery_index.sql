-- No version looks deliveries up by connection, and the index cost every delivery an update.
drop index delivery_connection_received;
-- A delivery's result is now read from its inbox entry. delivery.result and the index delivery_inbox stay while
-- instances of the previous version may run beside this one (rolling upgrade): they still write and find them.
