-- Webhooks: subscriptions per organization, the outbox of deliveries written in the transaction of the
-- change they announce, and the claims that let one instance among several run a daily job.
create table webhook_subscription (
    id              uuid          primary key,
    organization_id varchar(63)   not null references organization (id),
    url             varchar(2000) not null,
    -- the HMAC key; the receiver holds the same value, so it cannot be stored as a hash
    secret          varchar(200)  not null,
    events          varchar(200)  not null,
    active          boolean       not null default true,
    version         bigint        not null default 0,
    created_at      timestamptz   not null,
    created_by      varchar(255)  not null,
    updated_at      timestamptz   not null,
    updated_by      varchar(255)  not null
);
create index webhook_subscription_org_idx on webhook_subscription (organization_id, active, created_at);

create table webhook_delivery (
    id               uuid         primary key,
    subscription_id  uuid         not null references webhook_subscription (id),
    organization_id  varchar(63)  not null references organization (id),
    event_type       varchar(40)  not null,
    payload          text         not null,
    status           varchar(20)  not null
        check (status in ('PENDING', 'DELIVERED', 'FAILED', 'CANCELLED')),
    attempts         integer      not null default 0 check (attempts >= 0),
    -- when a PENDING delivery may next be tried; while an instance sends it, the end of its lease
    next_attempt_at  timestamptz,
    last_attempt_at  timestamptz,
    last_status_code integer,
    last_error       varchar(200),
    delivered_at     timestamptz,
    created_at       timestamptz  not null,
    constraint webhook_delivery_pending_is_scheduled check (status <> 'PENDING' or next_attempt_at is not null)
);
-- What the dispatchers claim: due PENDING rows, oldest first.
create index webhook_delivery_due_idx on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_log_idx on webhook_delivery (subscription_id, created_at desc, id);

-- One row per job and day: the instance whose insert succeeds runs that day's job.
create table scheduled_job_run (
    job        varchar(60)  not null,
    run_on     date         not null,
    started_at timestamptz  not null,
    instance   varchar(200) not null,
    primary key (job, run_on)
);
