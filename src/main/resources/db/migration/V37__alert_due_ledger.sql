-- Every alert the daily ALERT_DUE job has announced, so that each raised alert is announced exactly once,
-- by the first run on or after its due day, even when its facts were recorded after that day.
create table alert_due_sent (
    organization_id varchar(63) not null references organization (id),
    filing_id       uuid        not null references filing (id),
    client_id       uuid        not null references client (id),
    code            varchar(60) not null,
    due_on          date        not null,
    sent_on         date        not null,
    primary key (filing_id, client_id, code, due_on)
);
create index alert_due_sent_client_idx on alert_due_sent (client_id);

-- Alerts due on or before the last run were announced by the job as it worked until now (or fell between
-- two runs long ago); entering them keeps the first run after this change from announcing old alerts again.
insert into alert_due_sent (organization_id, filing_id, client_id, code, due_on, sent_on)
select w.organization_id, w.filing_id, w.client_id, w.code, w.due_on, r.last_run
from alert_window w
cross join (select max(run_on) as last_run from scheduled_job_run where job = 'ALERT_DUE') r
where r.last_run is not null and w.due_on <= r.last_run;

select enable_organization_row_security('alert_due_sent');
