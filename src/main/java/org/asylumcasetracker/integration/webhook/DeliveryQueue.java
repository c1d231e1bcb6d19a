package org.asylumcasetracker.integration.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.query.NativeQuery;

/**
 * The pending deliveries as a work queue shared by every instance of the service. Claiming locks due
 * rows with {@code FOR UPDATE SKIP LOCKED}, so concurrent dispatchers take disjoint rows, and moves their
 * next attempt past a lease, so that once the short claiming transaction commits no other instance takes
 * them while they are being sent. Times come from the database, the one clock all instances share.
 */
@ApplicationScoped
public class DeliveryQueue {

    /*
     * Fair across organizations: due deliveries are numbered per organization (oldest first) and taken by
     * that number, so every organization with work gets its first delivery into a batch before any gets a
     * second, however many one of them has queued. Subscriptions whose circuit is open wait.
     */
    private static final String CLAIM = """
            with candidates as (
                select d.id, d.next_attempt_at,
                    row_number() over (partition by d.organization_id order by d.next_attempt_at, d.id) as turn
                from webhook_delivery d
                join webhook_subscription s on s.id = d.subscription_id and s.active
                    and (s.paused_until is null or s.paused_until <= now())
                where d.status = 'PENDING' and d.next_attempt_at <= now()),
            due as (
                select d.id, c.turn from webhook_delivery d join candidates c on c.id = d.id
                -- repeated here: a row another dispatcher claimed and committed meanwhile is re-checked on locking
                where d.status = 'PENDING' and d.next_attempt_at <= now()
                order by c.turn, c.next_attempt_at
                limit :limit
                for update of d skip locked)
            update webhook_delivery d set next_attempt_at = now() + make_interval(secs => :leaseSeconds)
            from due, webhook_subscription s
            where d.id = due.id and s.id = d.subscription_id
            returning d.id, d.subscription_id, s.url, d.event_type, d.payload, d.attempts, due.turn""";

    /** One success closes the circuit; the condition spares the row a write when it is closed already. */
    private static final String CLOSE_CIRCUIT = """
            update webhook_subscription set consecutive_failures = 0, paused_until = null
            where id = :subscription and (consecutive_failures <> 0 or paused_until is not null)""";

    /** Counts the failure and, from the threshold on, pauses the subscription for a doubling period. */
    private static final String COUNT_FAILURE = """
            update webhook_subscription set consecutive_failures = consecutive_failures + 1,
                paused_until = case when consecutive_failures + 1 >= :pauseAfter then now() + make_interval(secs =>
                    least(:pauseBaseSeconds * power(2, least(consecutive_failures + 1 - :pauseAfter, 30)), :pauseMaxSeconds))
                    else paused_until end
            where id = :subscription""";

    private static final int MAX_ERROR_LENGTH = 200;

    private final EntityManager em;
    private final WebhookConfig config;

    @Inject
    public DeliveryQueue(EntityManager em, WebhookConfig config) {
        this.em = em;
        this.config = config;
    }

    /** Takes up to {@code limit} due deliveries for one attempt each, hidden from others for {@code lease}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<ClaimedDelivery> claimDue(int limit, Duration lease) {
        List<?> rows = em.createNativeQuery(CLAIM)
                .setParameter("leaseSeconds", lease.toMillis() / 1000.0)
                .setParameter("limit", limit)
                .getResultList();
        List<Object[]> inTurn = new ArrayList<>(rows.size());
        for (Object row : rows) {
            inTurn.add((Object[]) row);
        }
        // Sent in turn order too, so that one organization's slow receivers do not go first on every thread.
        inTurn.sort(Comparator.comparingLong(columns -> ((Number) columns[6]).longValue()));
        List<ClaimedDelivery> claimed = new ArrayList<>(rows.size());
        for (Object[] columns : inTurn) {
            claimed.add(new ClaimedDelivery(
                    (UUID) columns[0],
                    (UUID) columns[1],
                    (String) columns[2],
                    WebhookEventType.valueOf((String) columns[3]),
                    (String) columns[4],
                    ((Number) columns[5]).intValue()));
        }
        return claimed;
    }

    /** The receiver answered 2xx. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordDelivered(ClaimedDelivery delivery, int statusCode) {
        int recorded = em.createNativeQuery("""
                update webhook_delivery set status = 'DELIVERED', attempts = attempts + 1, last_attempt_at = now(),
                    last_status_code = :code, last_error = null, delivered_at = now(), next_attempt_at = null
                where id = :id and status = 'PENDING' and attempts = :attempts""")
                .setParameter("code", statusCode)
                .setParameter("id", delivery.id())
                .setParameter("attempts", delivery.attempts())
                .executeUpdate();
        if (recorded == 1) {
            em.createNativeQuery(CLOSE_CIRCUIT)
                    .setParameter("subscription", delivery.subscriptionId())
                    .executeUpdate();
        }
    }

    /**
     * The attempt failed: with a {@code retryAfter} the delivery stays PENDING until then, without one it
     * is FAILED for good. {@code error} is a short description written by the dispatcher, never a response body.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordFailed(
            ClaimedDelivery delivery, Integer statusCode, String error, Optional<Duration> retryAfter) {
        int recorded = em.createNativeQuery("""
                update webhook_delivery set attempts = attempts + 1, last_attempt_at = now(),
                    last_status_code = :code, last_error = :error,
                    status = case when :retry then 'PENDING' else 'FAILED' end,
                    next_attempt_at = case when :retry then now() + make_interval(secs => :delaySeconds) end
                where id = :id and status = 'PENDING' and attempts = :attempts""")
                .unwrap(NativeQuery.class)
                .setParameter("code", statusCode, Integer.class)
                .setParameter("error", truncate(error), String.class)
                .setParameter("retry", retryAfter.isPresent())
                .setParameter(
                        "delaySeconds",
                        retryAfter.map(d -> d.toMillis() / 1000.0).orElse(0.0))
                .setParameter("id", delivery.id())
                .setParameter("attempts", delivery.attempts())
                .executeUpdate();
        if (recorded == 1) {
            em.createNativeQuery(COUNT_FAILURE)
                    .setParameter("pauseAfter", config.pauseAfter())
                    .setParameter("pauseBaseSeconds", config.pauseBase().toMillis() / 1000.0)
                    .setParameter("pauseMaxSeconds", config.pauseMax().toMillis() / 1000.0)
                    .setParameter("subscription", delivery.subscriptionId())
                    .executeUpdate();
        }
    }

    /** Pending deliveries of a deleted subscription are not sent any more; joins the caller's transaction. */
    @Transactional
    public int cancelPending(UUID subscriptionId) {
        return em.createNativeQuery("""
                update webhook_delivery set status = 'CANCELLED', next_attempt_at = null
                where subscription_id = :subscription and status = 'PENDING'""")
                .setParameter("subscription", subscriptionId)
                .executeUpdate();
    }

    private static String truncate(String error) {
        return error == null || error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
    }
}
