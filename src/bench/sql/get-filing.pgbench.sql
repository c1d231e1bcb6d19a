-- What the service sends to PostgreSQL for one GET /api/v1/filings/{id}, as Hibernate logs it
-- (QUARKUS_HIBERNATE_ORM_LOG_SQL=true): the filing within the caller's organization, with the identity documents of
-- everyone on it (who holds a passport or government ID, which the alerts need), aggregated in the statement. One
-- autocommit statement, as in the service: the organization (its existence, time zone and thresholds) comes
-- from the per-instance copy in OrganizationDirectory, refreshed every 5 s. Until the second round of
-- optimisations a GET sent three statements: the organization, the filing, and the whole client row; until
-- 2026-12-02 a filing with family members took a second statement for their documents.
-- The filing is drawn at random from the 10,000 of organization :org; the loader derives ids as
-- md5('filing-' || n)::uuid, so pgbench can address the same rows.
-- Run with: pgbench -M prepared -D org=bench-000 -f get-filing.pgbench.sql
\set n random(0, 9999)
select f1_0.id, f1_0.channel, f1_0.client_id, f1_0.court_name, f1_0.court_process, f1_0.created_at, f1_0.created_by,
       f1_0.created_by_subject, f1_0.entered_individual_hearing_at, f1_0.event_count, f1_0.external_ref,
       f1_0.family_member_ids, f1_0.filed_on, f1_0.latest_event_on, f1_0.mailing_tracking_number, f1_0.organization_id,
       f1_0.stage, f1_0.principal_stage, f1_0.package_mailed_on, f1_0.tracking_number, f1_0.receipt_number,
       f1_0.receipt_received_on, f1_0.biometrics_clock_start_on, f1_0.notice_received_on, f1_0.appointment_at,
       f1_0.appointment_location, f1_0.delivered_via, f1_0.reschedule_count, f1_0.stamped_notice_kept, f1_0.missed_on,
       f1_0.completed_on, f1_0.biometrics_reused_on, f1_0.individual_hearing_at, f1_0.hearings, f1_0.members,
       f1_0.work_permit_filed_on, f1_0.outcome, f1_0.closed_on, f1_0.kept_events, f1_0.received_on, f1_0.updated_at,
       f1_0.updated_by, f1_0.updated_by_subject, f1_0.venue, f1_0.version,
       (select string_agg((cast(pd1_0.client_id as varchar) || '=' || pd1_0.identity_documents), ';')
          from (select p.filing_id, p.client_id, c.identity_documents
                  from filing_person p
                  join client c on c.id = p.client_id) pd1_0
         where pd1_0.filing_id = f1_0.id)
  from filing f1_0
 where f1_0.id = md5('filing-' || :n)::uuid and f1_0.organization_id = :org;
