-- What the service sends to PostgreSQL for one GET /api/v1/filings/{id}, as Hibernate logs it
-- (QUARKUS_HIBERNATE_ORM_LOG_SQL=true): the caller's organization, and the filing within it joined to its
-- client's identity documents (whether the client holds a passport or government ID, which the alerts need).
-- Two autocommit statements, no explicit transaction, as in the service (until the second round of
-- optimisations the client was a third statement that read the whole row). The filing is drawn at random from the 10,000 of
-- organization :org; the loader derives ids as md5('filing-' || n)::uuid, so pgbench can address the same rows.
-- Run with: pgbench -M prepared -D org=bench-000 -f get-filing.pgbench.sql
\set n random(0, 9999)
select o1_0.id, o1_0.created_at, o1_0.created_by, o1_0.name, o1_0.appointment_reminder_days,
       o1_0.biometrics_notice_overdue_months, o1_0.court_biometrics_process, o1_0.hearing_warning_days,
       o1_0.max_online_reschedules, o1_0.online_reschedule_cutoff_hours, o1_0.package_grace_days,
       o1_0.receipt_overdue_months, o1_0.walk_in_window_days, o1_0.work_permit_wait_days, o1_0.time_zone,
       o1_0.updated_at, o1_0.updated_by, o1_0.version
  from organization o1_0
 where o1_0.id = :org;
select f1_0.id, f1_0.appointment_at, f1_0.appointment_location, f1_0.biometrics_clock_start_on, f1_0.channel,
       f1_0.client_id, f1_0.closed_on, f1_0.completed_on, f1_0.court_name, f1_0.created_at, f1_0.created_by,
       f1_0.delivered_via, f1_0.event_count, f1_0.external_ref, f1_0.family_member_ids, f1_0.filed_on,
       f1_0.individual_hearing_at, f1_0.missed_on, f1_0.notice_received_on, f1_0.organization_id, f1_0.outcome,
       f1_0.package_mailed_on, f1_0.receipt_number, f1_0.receipt_received_on, f1_0.reschedule_count, f1_0.stage,
       f1_0.stamped_notice_kept, f1_0.tracking_number, f1_0.updated_at, f1_0.updated_by, f1_0.venue, f1_0.version,
       f1_0.work_permit_filed_on, c1_0.identity_documents
  from filing f1_0
  join client c1_0 on c1_0.id = f1_0.client_id
 where f1_0.id = md5('filing-' || :n)::uuid and f1_0.organization_id = :org;
