-- Asylum fees (Pub. L. 119-21; USCIS notice 90 FR 34511 of 22 July 2025): the amounts in force by effective date,
-- which an administrator extends (POST /fees) when the yearly inflation adjustment is published.
create table fee_schedule (
    fee          varchar(40)   not null check (fee in ('ASYLUM_APPLICATION', 'ANNUAL_ASYLUM_FEE')),
    effective_on date          not null,
    amount       numeric(10, 2) not null check (amount >= 0),
    source       varchar(300)  not null,
    created_at   timestamptz   not null default now(),
    created_by   varchar(255)  not null,
    primary key (fee, effective_on)
);
insert into fee_schedule (fee, effective_on, amount, source, created_by) values
    ('ASYLUM_APPLICATION', '2025-07-22', 100.00, 'Pub. L. 119-21; 90 FR 34511 (22 July 2025)', 'migration'),
    ('ANNUAL_ASYLUM_FEE', '2025-07-22', 100.00, 'Pub. L. 119-21; 90 FR 34511 (22 July 2025)', 'migration');

-- The fee events of a filing: the amount asked or paid, and the day a notice's fee is due.
alter table filing_event
    add column fee_amount numeric(10, 2) check (fee_amount >= 0),
    add column fee_due_on date;

-- How many days before a fee's due day the alert is raised.
alter table organization
    add column fee_warning_days integer not null default 14 check (fee_warning_days > 0);

-- A filing can have several windows of one code, told apart by duty (one per fee notice).
drop index alert_window_filing_code_uk;
create unique index alert_window_filing_code_uk on alert_window (filing_id, client_id, code, coalesce(duty, ''))
    where filing_id is not null;
