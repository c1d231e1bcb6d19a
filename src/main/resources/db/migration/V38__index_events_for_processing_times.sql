-- The processing-times report reads an organization's step events in effect; this index serves it without
-- touching the rest of the timeline (contacts, hearings) or other organizations' events.
create index filing_event_org_step_idx
    on filing_event (organization_id, type, filing_id) include (client_id, occurred_on, appointment_at, sequence)
    where retracted_at is null
      and type in ('USCIS_PACKAGE_MAILED', 'RECEIPT_RECEIVED', 'BIOMETRICS_NOTICE_RECEIVED', 'BIOMETRICS_COMPLETED',
                   'BIOMETRICS_REUSED');
