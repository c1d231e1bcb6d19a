-- The day the client moved to the mailing address on file (set when the address changes), and the filing events
-- that report a move: the form sent (AR-11 to USCIS, EOIR-33 to the court) and the person who moved.
alter table client add column moved_on date;

alter table filing_event
    add column address_form      varchar(10) check (address_form in ('AR_11', 'EOIR_33')),
    add column address_client_id uuid;
create index filing_event_address_client_idx on filing_event (address_client_id) where address_client_id is not null;

-- A person's alert windows can hold one window per duty (AR_11, EOIR_33) for the same code.
alter table alert_window add column duty varchar(20);
drop index alert_window_client_code_uk;
create unique index alert_window_client_code_uk on alert_window (client_id, code, coalesce(duty, ''))
    where filing_id is null;
