-- The ALERT_DUE ledger also keeps the alerts of a person that belong to no filing (the one-year deadline, a move
-- to report) and tells apart the windows of one code that differ by duty (AR_11 and EOIR_33).
alter table alert_due_sent drop constraint alert_due_sent_pkey;
alter table alert_due_sent
    alter column filing_id drop not null,
    add column duty varchar(20);
create unique index alert_due_sent_uk on alert_due_sent
    (client_id, coalesce(filing_id, '00000000-0000-0000-0000-000000000000'), code, coalesce(duty, ''), due_on);
