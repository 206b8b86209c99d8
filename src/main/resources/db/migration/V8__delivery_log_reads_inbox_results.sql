-- A delivery's result is its inbox entry's, read with a join: processing no longer updates the delivery log.
-- Nothing looks deliveries up by connection or by inbox entry, and each index cost every delivery an update.
alter table delivery drop column result;
drop index delivery_connection_received;
drop index delivery_inbox;
