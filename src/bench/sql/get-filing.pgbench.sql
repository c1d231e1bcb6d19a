-- What the service sends to PostgreSQL for one GET /api/v1/filings/{id}, as Hibernate logs it
-- (QUARKUS_HIBERNATE_ORM_LOG_SQL=true): the caller's organization, the filing within it, and the filing's client
-- (to know whether the client holds a passport or government ID, which the alerts need). Three autocommit
-- statements, no explicit transaction, as in the service. The filing is drawn at random from the 10,000 of
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
       f1_0.work_permit_filed_on
  from filing f1_0
 where f1_0.id = md5('filing-' || :n)::uuid and f1_0.organization_id = :org
 fetch first 1 rows only;
select c1_0.id, c1_0.a_number, c1_0.caseworker, c1_0.created_at, c1_0.created_by, c1_0.date_of_birth, c1_0.email,
       c1_0.external_ref, c1_0.first_name, c1_0.identity_documents, c1_0.last_arrival_on, c1_0.last_name,
       c1_0.address_city, c1_0.address_line1, c1_0.address_line2, c1_0.address_postal_code, c1_0.address_state,
       c1_0.organization_id, c1_0.phone, c1_0.preferred_language, c1_0.updated_at, c1_0.updated_by, c1_0.version
  from client c1_0
 where c1_0.id = md5('client-' || :n)::uuid;
