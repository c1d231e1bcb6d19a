-- The overdue report reads an organization's windows in report order and stops after one page: an index in
-- that order makes the first page an index scan instead of a sort of every raised window.
create index alert_window_org_report_idx
    on alert_window (organization_id, severity_rank, due_on, code, filing_id) include (ends_on, client_id);

-- Windows are rewritten whenever a filing's facts change; vacuum this table long before the default 20 %.
alter table alert_window set (autovacuum_vacuum_scale_factor = 0.01, autovacuum_analyze_scale_factor = 0.02);
