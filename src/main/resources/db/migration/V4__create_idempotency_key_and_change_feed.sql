-- Idempotency-Key: the first successful response to a key, replayed for retries with the same body.
create table idempotency_key (
    scope        varchar(63)  not null,  -- the caller's organization ('' for admins, who have none)
    key          varchar(255) not null,
    request_hash varchar(64)  not null,
    operation    varchar(200) not null,
    status       integer,
    body         text,
    location     varchar(500),
    etag         varchar(50),
    created_at   timestamptz  not null,
    expires_at   timestamptz  not null,
    primary key (scope, key)
);
create index idempotency_key_expiry_idx on idempotency_key (expires_at);

-- The change feed. Each row carries the id of the transaction that wrote it; readers only return rows of
-- transactions older than every transaction still running, so a late commit can never be skipped.
create table change_feed (
    id              bigint generated always as identity primary key,
    txid            xid8         not null default pg_current_xact_id(),
    organization_id varchar(63)  not null references organization (id),
    type            varchar(40)  not null,
    entity_type     varchar(20)  not null,
    entity_id       uuid         not null,
    related_id      uuid,
    version         bigint,
    stage           varchar(40),
    occurred_at     timestamptz  not null default now()
);
create index change_feed_org_tx_idx on change_feed (organization_id, txid, id);
