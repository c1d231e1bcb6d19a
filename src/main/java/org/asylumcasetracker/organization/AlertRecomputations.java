package org.asylumcasetracker.organization;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
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

    /** A recomputation a job has taken, with the request time it covers. */
    public record Claimed(String organizationId, OffsetDateTime requestedAt) {}

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
     * Takes the oldest PENDING recomputation (or a RUNNING one whose job has been silent for {@code stale}:
     * its instance stopped), marking it RUNNING. Across organizations.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Claimed> claimNext(Duration stale) {
        List<?> rows =
                em.createNativeQuery("""
                update alert_recomputation r set status = 'RUNNING', started_at = clock_timestamp()
                where r.organization_id = (
                    select organization_id from alert_recomputation
                    where status = 'PENDING' or status = 'RUNNING' and started_at < clock_timestamp() - make_interval(secs => ?1)
                    order by requested_at limit 1 for update skip locked)
                returning r.organization_id, r.requested_at""").setParameter(1, stale.toSeconds()).getResultList();
        return rows.stream().findFirst().map(row -> {
            Object[] r = (Object[]) row;
            return new Claimed((String) r[0], SqlValues.toOffsetDateTime(r[1]));
        });
    }

    /** DONE, unless another change came in meanwhile: then PENDING again, for the next round. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void finish(Claimed claimed) {
        em.createNativeQuery("""
                update alert_recomputation set finished_at = case when requested_at > ?2 then null else clock_timestamp() end,
                    status = case when requested_at > ?2 then 'PENDING' else 'DONE' end
                where organization_id = ?1 and status = 'RUNNING'""")
                .setParameter(1, claimed.organizationId())
                .setParameter(2, claimed.requestedAt())
                .executeUpdate();
    }
}
