-- A filing's row answers for its alerts and work-permit dates without its timeline: the fold keeps the events a rule
-- reads in full (the work-permit clock's stops and restarts, the fee notices and payments), and the latest day an
-- event in effect happened on (a day before it needs the events folded again).
alter table filing
    add column kept_events text not null default '[]',
    add column latest_event_on date;

update filing f
   set latest_event_on = l.latest
  from (select filing_id, max(occurred_on) as latest
          from filing_event
         where retracted_at is null
         group by filing_id) l
 where l.filing_id = f.id;

-- in the order recorded; the person only for an event about a family member (the principal's name nobody); absent
-- fields left out, as the service writes them
update filing f
   set kept_events = k.events
  from (select e.filing_id,
               json_agg(json_strip_nulls(json_build_object(
                   'type', e.type,
                   'on', to_char(e.occurred_on, 'YYYY-MM-DD'),
                   'person', nullif(e.client_id, p.client_id),
                   'feeAmount', e.fee_amount,
                   'feeDueOn', to_char(e.fee_due_on, 'YYYY-MM-DD')))
                   order by e.sequence)::text as events
          from filing_event e
          join filing p on p.id = e.filing_id
         where e.retracted_at is null
           and e.type in ('BIOMETRICS_MISSED', 'RESCHEDULE_REQUESTED', 'BIOMETRICS_COMPLETED', 'BIOMETRICS_REUSED',
                          'FEE_NOTICE_RECEIVED', 'FEE_PAID')
         group by e.filing_id) k
 where k.filing_id = f.id;
