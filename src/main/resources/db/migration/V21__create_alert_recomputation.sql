-- A settings change moves every filing's alert windows. The recomputation runs in the background, one per
-- organization at a time (the primary key): PENDING until a job takes it, RUNNING while it works, DONE
-- after. A change while RUNNING moves requested_at, and the job runs again when it finishes.
create table alert_recomputation (
    organization_id varchar(63) primary key references organization (id),
    status          varchar(20) not null check (status in ('PENDING', 'RUNNING', 'DONE')),
    requested_at    timestamptz not null,
    started_at      timestamptz,
    finished_at     timestamptz
);
