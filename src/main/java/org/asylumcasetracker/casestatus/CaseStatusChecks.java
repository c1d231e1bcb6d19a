package org.asylumcasetracker.casestatus;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.asylumcasetracker.platform.persistence.AcrossOrganizations;
import org.hibernate.query.NativeQuery;

/**
 * The receipt numbers to check, as a work queue shared by every instance of the service. A claim first
 * locks the one quota row, so claims of several instances take turns and plan against the same
 * {@code next_slot_at}; it then takes due receipt numbers with {@code FOR UPDATE SKIP LOCKED} (as the
 * webhook delivery queue does) and moves each one's {@code next_check_at} a lease past its planned call, so
 * no other instance calls for it while this one does. Everything needed after a restart is in these rows.
 */
@ApplicationScoped
public class CaseStatusChecks {

    /** Stages in which a person waits for a notice from USCIS: their receipt numbers are checked first. */
    static final String WAITING_FOR_NOTICE = "'AWAITING_RECEIPT', 'AWAITING_BIOMETRICS_NOTICE', 'BIOMETRICS_MISSED'";

    private static final String DUE = """
            select c.organization_id, c.receipt_number, c.next_check_at,
                   f.stage in (%s) as priority
            from case_status_check c join filing f on f.id = c.filing_id
            where c.next_check_at < :until and f.stage <> 'CLOSED'
            order by priority desc, c.next_check_at
            limit :limit
            for update of c skip locked""".formatted(WAITING_FOR_NOTICE);

    private final EntityManager em;

    @Inject
    public CaseStatusChecks(EntityManager em) {
        this.em = em;
    }

    /**
     * Plans the calls from {@code now} up to {@code now + horizon} and claims their receipt numbers. The
     * calls are to be made at their planned instants, not earlier.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<CheckPlanner.Call> claim(
            Instant now, Duration horizon, CheckPlanner.Quota quota, Duration checkEvery, Duration lease) {
        Instant firstSlot =
                toInstant(em.createNativeQuery("select next_slot_at from case_status_quota where id = 1 for update")
                        .getSingleResult());
        Instant until = now.plus(horizon);
        long fit = horizon.toMillis() / Math.max(1, quota.spacing().toMillis()) + 1;
        List<?> rows = em.createNativeQuery(DUE)
                .setParameter("until", OffsetDateTime.ofInstant(until, java.time.ZoneOffset.UTC))
                .setParameter("limit", (int) Math.min(fit * 4, 10_000))
                .getResultList();
        List<CheckPlanner.Candidate> candidates = new ArrayList<>(rows.size());
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            candidates.add(new CheckPlanner.Candidate(
                    new CheckKey((String) columns[0], (String) columns[1]).key(), toInstant(columns[2]), (Boolean)
                            columns[3]));
        }
        List<CheckPlanner.Call> calls = CheckPlanner.plan(candidates, quota, checkEvery, firstSlot, now, until).stream()
                .filter(call -> !call.at().isBefore(now))
                .toList();
        // a receipt number planned twice within one horizon (a horizon longer than checkEvery) is called once
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<CheckPlanner.Call> claimed =
                calls.stream().filter(call -> seen.add(call.key())).toList();
        for (CheckPlanner.Call call : claimed) {
            CheckKey key = CheckKey.parse(call.key());
            reschedule(key, call.at().plus(lease));
        }
        if (!claimed.isEmpty()) {
            Instant nextSlot = claimed.get(claimed.size() - 1).at().plus(quota.spacing());
            em.createNativeQuery(
                            "update case_status_quota set next_slot_at = greatest(next_slot_at, :next) where id = 1")
                    .setParameter("next", OffsetDateTime.ofInstant(nextSlot, java.time.ZoneOffset.UTC))
                    .executeUpdate();
        }
        return claimed;
    }

    /** A call that was planned but not made (the API asked to wait): back to the queue at {@code at}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(CheckKey key, Instant at) {
        reschedule(key, at);
    }

    /** A 429: no instance calls the API before {@code at}, and this receipt number is due again then. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordRateLimited(CheckKey key, Instant now, Instant at) {
        em.createNativeQuery("update case_status_quota set next_slot_at = greatest(next_slot_at, :at) where id = 1")
                .setParameter("at", utc(at))
                .executeUpdate();
        em.createNativeQuery("""
                update case_status_check set next_check_at = :at, last_checked_at = :now, last_outcome = 'RATE_LIMITED'
                where organization_id = :org and receipt_number = :receipt""")
                .setParameter("at", utc(at))
                .setParameter("now", utc(now))
                .setParameter("org", key.organizationId())
                .setParameter("receipt", key.receiptNumber())
                .executeUpdate();
    }

    /** No usable answer: retried after a wait that doubles with each failure in a row, up to {@code max}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordFailure(CheckKey key, String outcome, Instant now, Duration base, Duration max) {
        em.createNativeQuery("""
                update case_status_check set failures = failures + 1, last_checked_at = :now, last_outcome = :outcome,
                    next_check_at = cast(:now as timestamptz) + make_interval(secs => least(:base * power(2, least(failures, 30)), :max))
                where organization_id = :org and receipt_number = :receipt""")
                .unwrap(NativeQuery.class)
                .setParameter("now", utc(now))
                .setParameter("outcome", outcome)
                .setParameter("base", (double) base.toSeconds())
                .setParameter("max", (double) max.toSeconds())
                .setParameter("org", key.organizationId())
                .setParameter("receipt", key.receiptNumber())
                .executeUpdate();
    }

    /** USCIS answered (a status, or that it does not know the number): next check after {@code checkEvery}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAnswered(CheckKey key, String outcome, Instant now, Duration checkEvery) {
        em.createNativeQuery("""
                update case_status_check set failures = 0, last_checked_at = :now, last_outcome = :outcome,
                    next_check_at = :next
                where organization_id = :org and receipt_number = :receipt""")
                .setParameter("now", utc(now))
                .setParameter("outcome", outcome)
                .setParameter("next", utc(now.plus(checkEvery)))
                .setParameter("org", key.organizationId())
                .setParameter("receipt", key.receiptNumber())
                .executeUpdate();
    }

    /**
     * Brings the queue in line with the filings: every receipt number of an open filing is checked (a new
     * one at once), and the checks of closed filings, or of a receipt number that was corrected, stop.
     * The history of what USCIS said stays.
     */
    @AcrossOrganizations
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int synchronize(Instant now) {
        int removed = em.createNativeQuery("""
                delete from case_status_check c where not exists (
                    select 1 from filing f where f.id = c.filing_id and f.receipt_number = c.receipt_number
                    and f.stage <> 'CLOSED')""").executeUpdate();
        int added = em.createNativeQuery("""
                insert into case_status_check (organization_id, receipt_number, filing_id, client_id, next_check_at, created_at)
                select f.organization_id, f.receipt_number, f.id, f.client_id, :now, :now from filing f
                where f.receipt_number is not null and f.stage <> 'CLOSED'
                on conflict (organization_id, receipt_number) do nothing""").setParameter("now", utc(now)).executeUpdate();
        return added + removed;
    }

    private void reschedule(CheckKey key, Instant at) {
        em.createNativeQuery("""
                update case_status_check set next_check_at = :at
                where organization_id = :org and receipt_number = :receipt""")
                .setParameter("at", utc(at))
                .setParameter("org", key.organizationId())
                .setParameter("receipt", key.receiptNumber())
                .executeUpdate();
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, java.time.ZoneOffset.UTC);
    }

    static Instant toInstant(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof Timestamp ts) {
            return ts.toInstant();
        }
        return (Instant) value;
    }
}
