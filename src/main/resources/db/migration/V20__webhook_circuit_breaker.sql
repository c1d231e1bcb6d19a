-- A receiver that keeps failing is paused: after asylum.webhooks.pause-after consecutive failed attempts,
-- its deliveries wait until paused_until (a pause that doubles with each further failure). One success
-- closes the circuit again.
alter table webhook_subscription
    add column consecutive_failures integer not null default 0 check (consecutive_failures >= 0),
    add column paused_until timestamptz;
-- The dispatcher takes due deliveries organization by organization (round robin).
create index webhook_delivery_org_due_idx on webhook_delivery (organization_id, next_attempt_at) where status = 'PENDING';
