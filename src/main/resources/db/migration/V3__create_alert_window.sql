-- The days on which each filing's alerts are raised, derived by the alert rules from the filing's facts
-- and its organization's settings, so that "what is overdue as of D" is an indexed range query.
create table alert_window (
    filing_id       uuid        not null references filing (id),
    code            varchar(60) not null,
    organization_id varchar(63) not null references organization (id),
    client_id       uuid        not null references client (id),
    severity_rank   smallint    not null,
    due_on          date        not null,
    ends_on         date,
    primary key (filing_id, code)
);
create index alert_window_org_due_idx on alert_window (organization_id, due_on, ends_on);
create index alert_window_client_idx on alert_window (client_id);
