-- Alerts that concern a person rather than one filing (the one-year asylum deadline of a client who is on no
-- open filing) are stored as windows without a filing: filing_id and venue become optional, and the primary
-- key on (filing_id, client_id, code) becomes two unique indexes, one for filing windows and one for client windows.
alter table alert_window drop constraint alert_window_pkey;
alter table alert_window
    alter column filing_id drop not null,
    alter column venue drop not null;
create unique index alert_window_filing_code_uk on alert_window (filing_id, client_id, code) where filing_id is not null;
create unique index alert_window_client_code_uk on alert_window (client_id, code) where filing_id is null;

-- A recorded exception to the one-year deadline (changed or extraordinary circumstances, 8 CFR 208.4(a)(4)-(5)).
alter table client
    add column one_year_deadline_exception varchar(40)
        check (one_year_deadline_exception in ('CHANGED_CIRCUMSTANCES', 'EXTRAORDINARY_CIRCUMSTANCES'));

-- How many days before the one-year deadline the approaching alert is raised.
alter table organization
    add column one_year_warning_days integer not null default 90 check (one_year_warning_days > 0);

-- "Which open filings is this client on, as principal or family member?" without reading every filing.
create index filing_family_members_idx on filing using gin (string_to_array(family_member_ids, ','));
