-- The report's count and the ALERT_DUE job ask for windows due and raised on a day: with the first day a window
-- counts in the index as well, the count of an organization's raised windows is read from the index alone.
create index alert_window_org_due_raised_idx on alert_window (organization_id, due_on, ends_on, raised_on);
drop index alert_window_org_due_idx;
