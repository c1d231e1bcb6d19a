-- The policy of V35 compared the organization in an OR: "organization_id = (setting) or (across setting) = 'on'".
-- PostgreSQL estimates such an OR at about 1.5 % of the rows, and multiplies that with the query's own filter on the
-- same organization (about 1 % more), so it expected a hundredth of the rows an organization has: 151 filings for
-- 10,000. On those figures it chose nested loops for the reports, and the processing-times report took 3 to 6 s at a
-- million filings instead of a quarter of a second.
--
-- The same rule written as a CASE is estimated as half of the rows, which the query's own filter then narrows about
-- right, and it costs the same per row: each setting is still read once per statement (an init plan), an index on
-- the column still serves the query's own filter, and an unset organization still matches no row.
create or replace function enable_organization_row_security(target regclass, organization_column name default 'organization_id')
    returns void
    language plpgsql
as $$
declare
    visible text := format(
        'case when (select current_setting(''app.across_organizations'', true)) = ''on'' then true'
            || ' else %I = (select current_setting(''app.organization_id'', true)) end',
        organization_column);
begin
    execute format('alter table %s enable row level security', target);
    execute format('alter table %s force row level security', target);
    execute format('create policy organization_rows on %s using (%s) with check (%s)', target, visible, visible);
end;
$$;

do $$
declare
    guarded record;
begin
    for guarded in
        select t.name, t.organization_column
          from (values ('organization', 'id'), ('client', 'organization_id'), ('filing', 'organization_id'),
                       ('filing_event', 'organization_id'), ('alert_window', 'organization_id'),
                       ('alert_recomputation', 'organization_id'), ('change_feed', 'organization_id'),
                       ('idempotency_key', 'scope'), ('webhook_subscription', 'organization_id'),
                       ('webhook_delivery', 'organization_id'), ('calendar_feed', 'organization_id'),
                       ('case_status_check', 'organization_id'), ('case_status_observation', 'organization_id'),
                       ('case_status_suggestion', 'organization_id'), ('alert_due_sent', 'organization_id'))
               as t(name, organization_column)
    loop
        execute format('drop policy organization_rows on %I', guarded.name);
        perform enable_organization_row_security(guarded.name::regclass, guarded.organization_column::name);
    end loop;
end;
$$;

-- Every policy of this name has the new form: a table added here later must be listed above.
do $$
begin
    if exists (select 1 from pg_policies where policyname = 'organization_rows' and ltrim(qual, E' \n') not like 'CASE%') then
        raise exception 'a table guarded by organization_rows was left with the old policy';
    end if;
end;
$$;
