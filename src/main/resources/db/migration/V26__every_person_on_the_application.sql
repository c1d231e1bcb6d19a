-- Each person on an application has their own progress. A v1 filing's progress is its principal's: the
-- principal's own stage is the filing's stage.
alter table filing add column principal_stage varchar(40);
update filing set principal_stage = stage;
alter table filing alter column principal_stage set not null;

-- v1 recorded nothing about family members: each has the progress the fold of the filing's events gives them
-- (filing/FilingHistory): where the filing started, moved on by the package to USCIS and by closing only.
alter table filing add column members text not null default '[]';
update filing f
   set members = (
       select json_agg(json_build_object(
                  'clientId', m.id,
                  'stage', case
                      when f.stage = 'CLOSED' then 'CLOSED'
                      when f.venue = 'USCIS' then 'AWAITING_RECEIPT'
                      when f.court_process = 'AUTOMATIC' then 'AWAITING_BIOMETRICS_NOTICE'
                      when f.package_mailed_on is not null then 'AWAITING_RECEIPT'
                      else 'AWAITING_USCIS_PACKAGE'
                  end,
                  'biometricsClockStartOn', case
                      when f.stage <> 'CLOSED' and f.court_process = 'AUTOMATIC' then to_char(f.filed_on, 'YYYY-MM-DD')
                  end,
                  'rescheduleCount', 0)
              order by m.position)::text
         from unnest(string_to_array(f.family_member_ids, ',')) with ordinality as m(id, position))
 where f.family_member_ids <> '';

-- The filing's stage is the earliest of its people's, a missed appointment counting as earlier than a scheduled one.
update filing f
   set stage = (
       select o.stage
         from (values ('AWAITING_USCIS_PACKAGE', 0), ('AWAITING_RECEIPT', 1), ('AWAITING_BIOMETRICS_NOTICE', 2),
                      ('BIOMETRICS_MISSED', 3), ('BIOMETRICS_SCHEDULED', 4), ('BIOMETRICS_COMPLETED', 5),
                      ('CLOSED', 6)) as o(stage, position)
        where o.stage = f.principal_stage
           or o.stage in (select m ->> 'stage' from json_array_elements(f.members::json) m)
        order by o.position
        limit 1)
 where f.members <> '[]';

-- An event about one person names them; every v1 event of that kind concerned the principal.
alter table filing_event add column client_id uuid references client (id);
update filing_event e
   set client_id = f.client_id
  from filing f
 where f.id = e.filing_id
   and e.type in ('RECEIPT_RECEIVED', 'BIOMETRICS_NOTICE_RECEIVED', 'RESCHEDULE_REQUESTED', 'BIOMETRICS_COMPLETED',
                  'BIOMETRICS_MISSED', 'WORK_PERMIT_FILED');

-- Alerts are per person: one window per filing, person and code.
alter table alert_window drop constraint alert_window_pkey;
alter table alert_window add primary key (filing_id, client_id, code);

-- Family members' alerts are new: the organizations that have families recompute their windows in the background.
insert into alert_recomputation (organization_id, status, requested_at)
select distinct organization_id, 'PENDING', now() from filing where family_member_ids <> ''
on conflict (organization_id) do update set status = 'PENDING', requested_at = now()
 where alert_recomputation.status <> 'RUNNING';
