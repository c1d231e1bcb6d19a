-- A RUNNING recomputation was taken over by another instance once it had been running for 10 minutes, counted from
-- its start. An organization of 100,000 filings takes longer than that, so a second instance would start on the same
-- organization while the first was still at work. The job now shows it is alive after every batch (alive_at), and
-- only a recomputation silent for a while is taken over. Each taking gets a claim of its own: a job whose claim was
-- taken over finds out at its next batch and stops, without marking the recomputation done.
alter table alert_recomputation
    add column alive_at timestamptz,
    add column claim    uuid;

update alert_recomputation set alive_at = started_at where status = 'RUNNING';
