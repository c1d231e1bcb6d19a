-- Alert windows keep a filing's whole history: the report as of a past day reads what the facts then known raised,
-- even after a later fact (a receipt, say) ended the alert. raised_on is the first day a window counts, later than
-- its due day when the facts that raise it were recorded with a later date; ends_on is its last day.
alter table alert_window add column raised_on date;
update alert_window set raised_on = due_on;
alter table alert_window alter column raised_on set not null;
alter table alert_window add constraint alert_window_raised_check check (raised_on >= due_on);

-- One filing can now hold several windows of a person and code over time, told apart by the day each is raised.
drop index alert_window_filing_code_uk;
create unique index alert_window_filing_code_uk
    on alert_window (filing_id, client_id, code, coalesce(duty, ''), raised_on)
    where filing_id is not null;

-- The windows stored until now hold only what each filing's current facts raise: every organization rebuilds its
-- history in the background.
insert into alert_recomputation (organization_id, status, requested_at)
select id, 'PENDING', now() from organization
on conflict (organization_id) do update set status = 'PENDING', requested_at = now()
 where alert_recomputation.status <> 'RUNNING';
