-- The overdue report SQL of OverdueQueries (report/OverdueQueries.java) for a supervisor of :org as of :asof,
-- under EXPLAIN (ANALYZE, BUFFERS): first page, its total count, the summary cube, and the full list the CSV
-- export streams. Run with: psql -v org=bench-000 -v asof=2026-01-31 -f report-explain.sql
\echo '=== report page (size 50): rows'
explain (analyze, buffers)
select w.filing_id, w.client_id, w.code, w.due_on, w.ends_on, :'asof'::date - w.due_on,
       c.first_name, c.last_name, w.caseworker, f.stage, w.venue
  from (select w.* from alert_window w
         where w.organization_id = :'org' and w.due_on <= :'asof'::date and w.raised_on <= :'asof'::date
           and (w.ends_on is null or w.ends_on >= :'asof'::date)
         order by w.severity_rank, w.due_on, w.code, w.filing_id
         limit 50 offset 0) w
  join filing f on f.id = w.filing_id join client c on c.id = w.client_id
 order by w.severity_rank, w.due_on, w.code, w.filing_id;

\echo '=== report page: total'
explain (analyze, buffers)
select count(*)
  from alert_window w
 where w.organization_id = :'org' and w.due_on <= :'asof'::date and w.raised_on <= :'asof'::date
           and (w.ends_on is null or w.ends_on >= :'asof'::date);

\echo '=== summary cube'
explain (analyze, buffers)
select w.code, w.severity_rank, w.caseworker,
       case when :'asof'::date - w.due_on <= 30 then '0-30' when :'asof'::date - w.due_on <= 60 then '31-60'
            when :'asof'::date - w.due_on <= 90 then '61-90' else '90+' end as bucket, count(*)
  from alert_window w
 where w.organization_id = :'org' and w.due_on <= :'asof'::date and w.raised_on <= :'asof'::date
           and (w.ends_on is null or w.ends_on >= :'asof'::date)
 group by 1, 2, 3, 4;

\echo '=== CSV export: every row in report order'
explain (analyze, buffers)
select w.filing_id, w.client_id, w.code, w.due_on, w.ends_on, :'asof'::date - w.due_on,
       c.first_name, c.last_name, w.caseworker, f.stage, w.venue
  from (select w.* from alert_window w
         where w.organization_id = :'org' and w.due_on <= :'asof'::date and w.raised_on <= :'asof'::date
           and (w.ends_on is null or w.ends_on >= :'asof'::date)) w
  join filing f on f.id = w.filing_id join client c on c.id = w.client_id
 order by w.severity_rank, w.due_on, w.code, w.filing_id;
