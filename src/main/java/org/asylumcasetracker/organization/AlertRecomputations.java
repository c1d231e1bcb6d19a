package org.asylumcasetracker.organization;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.asylumcasetracker.platform.persistence.SqlValues;

/**
 * The queue of alert-window recomputations that settings changes ask for. A settings change only records
 * the request (in its own transaction, cheaply); a background job takes one organization at a time, and
 * never two jobs the same organization. Every method but {@link #request} works across organizations: it is
 * the background job's, not a request's.
 */
@ApplicationScoped
public class AlertRecomputations {

    /** Where a recomputation stands: the settings answers show it, so clients know when alerts follow. */
    public record Status(String status, OffsetDateTime requestedAt, OffsetDateTime finishedAt) {}

    /** A recomputation a job has taken: the request time it covers, and the claim that makes it this job's. */
    public record Claimed(String organizationId, OffsetDateTime requestedAt, UUID claim) {}

    private final EntityManager em;

    @Inject
    public AlertRecomputations(EntityManager em) {
        this.em = em;
    }

    /** Asks for a recomputation; one already RUNNING stays so and runs again when it finishes. Joins the caller's transaction. */
    @Transactional
    public void request(String organizationId) {
        em.createNativeQuery("""
                insert into alert_recomputation (organization_id, status, requested_at) values (?1, 'PENDING', clock_timestamp())
                on conflict (organization_id) do update set requested_at = excluded.requested_at, finished_at = null,
                    status = case when alert_recomputation.status = 'RUNNING' then 'RUNNING' else 'PENDING' end""").setParameter(1, organizationId).executeUpdate();
    }

    public Optional<Status> status(String organizationId) {
        List<?> rows = em.createNativeQuery(
                        "select status, requested_at, finished_at from alert_recomputation where organization_id = ?1")
                .setParameter(1, organizationId)
                .getResultList();
        return rows.stream().findFirst().map(row -> {
            Object[] r = (Object[]) row;
            return new Status((String) r[0], SqlValues.toOffsetDateTime(r[1]), SqlValues.toOffsetDateTime(r[2]));
        });
    }

    /**
     * Takes the oldest PENDING recomputation, or a RUNNING one whose job has not shown it is alive for {@code
     * silent} (its instance stopped or hangs), marking it RUNNING under a new claim. How long a job has been
     * running does not matter: a large organization takes many minutes. Across organizations.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Claimed> claimNext(Duration silent) {
        UUID claim = UUID.randomUUID();
        List<?> rows = em.createNativeQuery("""
                update alert_recomputation r
                   set status = 'RUNNING', started_at = clock_timestamp(), alive_at = clock_timestamp(), claim = ?2
                where r.organization_id = (
                    select organization_id from alert_recomputation
                    where status = 'PENDING'
                       or status = 'RUNNING' and coalesce(alive_at, started_at) < clock_timestamp() - make_interval(secs => ?1)
                    order by requested_at limit 1 for update skip locked)
                returning r.organization_id, r.requested_at""")
                .setParameter(1, silent.toSeconds())
                .setParameter(2, claim)
                .getResultList();
        return rows.stream().findFirst().map(row -> {
            Object[] r = (Object[]) row;
            return new Claimed((String) r[0], SqlValues.toOffsetDateTime(r[1]), claim);
        });
    }

    /**
     * Shows that the job holding this claim is still at work. False when the claim is no longer its own (another
     * instance took the recomputation over after a silence): the job must then stop without finishing.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean alive(Claimed claimed) {
        return ofThisClaim("update alert_recomputation set alive_at = clock_timestamp()", claimed) == 1;
    }

    /** Gives a recomputation back unfinished (its instance is stopping): PENDING, for the next job to take at once. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(Claimed claimed) {
        ofThisClaim("update alert_recomputation set status = 'PENDING', alive_at = null, claim = null", claimed);
    }

    /**
     * DONE, unless another change came in meanwhile: then PENDING again, for the next round. Nothing when the claim
     * was taken over: the job holding it now finishes.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void finish(Claimed claimed) {
        em.createNativeQuery("""
                update alert_recomputation set finished_at = case when requested_at > ?2 then null else clock_timestamp() end,
                    status = case when requested_at > ?2 then 'PENDING' else 'DONE' end, alive_at = null, claim = null
                where organization_id = ?1 and status = 'RUNNING' and claim = ?3""")
                .setParameter(1, claimed.organizationId())
                .setParameter(2, claimed.requestedAt())
                .setParameter(3, claimed.claim())
                .executeUpdate();
    }

    private int ofThisClaim(String update, Claimed claimed) {
        return em.createNativeQuery(update + " where organization_id = ?1 and status = 'RUNNING' and claim = ?2")
                .setParameter(1, claimed.organizationId())
                .setParameter(2, claimed.claim())
                .executeUpdate();
    }
}
