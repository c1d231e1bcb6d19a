-- The summary counts an organization's raised windows by code, severity and case worker: with those in the index
-- too, it is read from the index alone (as the count is), without visiting a table row per window.
create index alert_window_org_raised_cover_idx
    on alert_window (organization_id, due_on, ends_on, raised_on) include (code, severity_rank, caseworker);
drop index alert_window_org_due_raised_idx;
