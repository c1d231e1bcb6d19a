-- USCIS case status: which receipt numbers the service checks and when, what USCIS answered, and the
-- suggestions a case worker confirms or dismisses. Keyed by receipt number within an organization, with
-- the filing and the person it belongs to, so that every person on an application can have their own.

-- One row per receipt number to check. next_check_at survives restarts; while an instance calls USCIS
-- for a row, it holds the row's next_check_at a lease ahead, so no other instance calls for it too.
create table case_status_check (
    organization_id    varchar(63)  not null references organization (id),
    receipt_number     varchar(13)  not null,
    filing_id          uuid         not null references filing (id),
    client_id          uuid         not null references client (id),
    next_check_at      timestamptz  not null,
    last_checked_at    timestamptz,
    -- STATUS, RECEIPT_NOT_FOUND, RATE_LIMITED, UNAVAILABLE, REJECTED, MALFORMED_RESPONSE, UNAUTHORIZED
    last_outcome       varchar(30),
    failures           integer      not null default 0 check (failures >= 0),
    created_at         timestamptz  not null,
    primary key (organization_id, receipt_number)
);
create index case_status_check_due_idx on case_status_check (next_check_at);
create index case_status_check_filing_idx on case_status_check (filing_id);

-- Every status USCIS reported that differed from the one before (the first one included).
create table case_status_observation (
    id                  uuid          primary key,
    organization_id     varchar(63)   not null references organization (id),
    receipt_number      varchar(13)   not null,
    filing_id           uuid          not null references filing (id),
    client_id           uuid          not null references client (id),
    observed_at         timestamptz   not null,
    status_text         varchar(500)  not null,
    status_description  text,
    form_type           varchar(50),
    modified_on         date,
    previous_status     varchar(500)
);
create index case_status_observation_filing_idx on case_status_observation (filing_id, observed_at, id);
create index case_status_observation_receipt_idx on case_status_observation (organization_id, receipt_number, observed_at desc);

-- A status change that proposes an event; it becomes an event only when a person accepts it.
create table case_status_suggestion (
    id               uuid          primary key,
    organization_id  varchar(63)   not null references organization (id),
    filing_id        uuid          not null references filing (id),
    client_id        uuid          not null references client (id),
    observation_id   uuid          not null references case_status_observation (id),
    receipt_number   varchar(13)   not null,
    kind             varchar(40)   not null,
    event_type       varchar(40)   not null,
    outcome          varchar(20),
    occurred_on      date          not null,
    state            varchar(20)   not null check (state in ('OPEN', 'ACCEPTED', 'DISMISSED', 'SUPERSEDED')),
    event_id         uuid          references filing_event (id),
    decided_by       varchar(255),
    decided_at       timestamptz,
    created_at       timestamptz   not null,
    version          bigint        not null default 0
);
create index case_status_suggestion_filing_idx on case_status_suggestion (filing_id, created_at, id);

-- The USCIS quotas belong to the service's one set of credentials, whatever the organization: one row
-- holds when the next call may start, so that every instance spaces its calls against the same plan.
create table case_status_quota (
    id            smallint     primary key check (id = 1),
    next_slot_at  timestamptz  not null
);
insert into case_status_quota (id, next_slot_at) values (1, '1970-01-01T00:00:00Z');
