-- Row-level security: a second wall between organizations, behind the tenant filter of every query. Each
-- transaction of the service names its organization (platform/persistence/RowSecurityConnections, from the
-- token's org claim) in the setting app.organization_id; a row of another organization is invisible and
-- cannot be written, so a query that forgets its filter returns nothing instead of foreign rows. Background
-- jobs that work for every organization say so (@AcrossOrganizations), which sets app.across_organizations.
--
-- FORCE binds the table owner too: in a deployment with one database role that owns the tables and runs
-- the service, that role is held to the policy like any other. Only superusers and BYPASSRLS roles pass
-- (PostgreSQL manual, "Row Security Policies": https://www.postgresql.org/docs/current/ddl-rowsecurity.html),
-- so the service must not connect as one.
--
-- A new table that holds one organization's data gets the same wall in its own migration, in one line:
--     select enable_organization_row_security('the_table');
-- (or 'the_table', 'its_column' when the organization is not in organization_id).
create function enable_organization_row_security(target regclass, organization_column name default 'organization_id')
    returns void
    language plpgsql
as $$
declare
    -- Each setting is read once per statement (an init plan), not once per row, and an index on the column
    -- still serves the comparison. Unset (a connection that named no organization) matches no row.
    visible text := format(
        '%I = (select current_setting(''app.organization_id'', true))'
            || ' or (select current_setting(''app.across_organizations'', true)) = ''on''',
        organization_column);
begin
    execute format('alter table %s enable row level security', target);
    execute format('alter table %s force row level security', target);
    execute format('create policy organization_rows on %s using (%s) with check (%s)', target, visible, visible);
end;
$$;

comment on function enable_organization_row_security(regclass, name) is
    'Enables and forces row-level security on a table of one organization''s data, with the standard policy';

select enable_organization_row_security('organization', 'id');
select enable_organization_row_security('client');
select enable_organization_row_security('filing');
select enable_organization_row_security('filing_event');
select enable_organization_row_security('alert_window');
select enable_organization_row_security('alert_recomputation');
select enable_organization_row_security('change_feed');
select enable_organization_row_security('idempotency_key', 'scope');
select enable_organization_row_security('webhook_subscription');
select enable_organization_row_security('webhook_delivery');
select enable_organization_row_security('calendar_feed');
select enable_organization_row_security('case_status_check');
select enable_organization_row_security('case_status_observation');
select enable_organization_row_security('case_status_suggestion');
