-- A filing's progress is the fold of its events in effect: retracting an event folds the others again, so
-- the snapshot each event kept of the progress before it is no longer written (old rows keep theirs).
alter table filing_event alter column progress_before drop not null;

-- The court process a filing was opened under decides where its fold starts: a court filing that started
-- waiting for the biometrics notice was opened under the AUTOMATIC process.
alter table filing add column court_process varchar(20);
update filing f
   set court_process = case
           when coalesce((select e.stage_before from filing_event e where e.filing_id = f.id
                           order by e.sequence limit 1), f.stage) = 'AWAITING_BIOMETRICS_NOTICE'
               then 'AUTOMATIC'
           else 'MAIL_PACKAGE'
       end
 where f.venue = 'IMMIGRATION_COURT';

-- Hearings are facts of events. The individual hearing typed in with the filing is kept apart, so that an
-- edit or a sync of the filing can never erase one that an event set.
alter table filing add column entered_individual_hearing_at timestamptz;
alter table filing add column hearings text not null default '[]';
update filing set entered_individual_hearing_at = individual_hearing_at;

-- Each filing's hearings: its HEARING_SCHEDULED events in effect, less those a later one of the same kind
-- continued (a hearing not yet held, on the organization's calendar, on the day the later one was set).
create temporary table kept_hearing on commit drop as
select h.filing_id, h.hearing_kind, h.hearing_at, h.occurred_on
  from filing_event h
  join filing f on f.id = h.filing_id
  join organization o on o.id = f.organization_id
 where h.type = 'HEARING_SCHEDULED'
   and h.retracted_at is null
   and not exists (
       select 1 from filing_event l
        where l.filing_id = h.filing_id
          and l.type = 'HEARING_SCHEDULED'
          and l.retracted_at is null
          and l.sequence > h.sequence
          and l.hearing_kind = h.hearing_kind
          and (h.hearing_at at time zone o.time_zone)::date >= l.occurred_on);

update filing f
   set hearings = (select json_agg(json_build_object(
                              'kind', k.hearing_kind,
                              'at', to_char(k.hearing_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                              'scheduledOn', to_char(k.occurred_on, 'YYYY-MM-DD'))
                          order by k.hearing_at, k.hearing_kind)::text
                     from kept_hearing k where k.filing_id = f.id),
       individual_hearing_at = (select max(k.hearing_at) from kept_hearing k
                                 where k.filing_id = f.id and k.hearing_kind = 'INDIVIDUAL')
 where exists (select 1 from kept_hearing k where k.filing_id = f.id);

update filing set individual_hearing_at = null where hearings = '[]';
