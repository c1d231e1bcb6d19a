package org.asylumcasetracker.fee;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.asylumcasetracker.platform.persistence.SqlValues;
import org.asylumcasetracker.platform.problem.ConflictException;
import org.asylumcasetracker.platform.problem.InvalidInputException;
import org.asylumcasetracker.platform.security.Caller;

/**
 * The published amounts of the asylum fees, each from its effective date on. The law adjusts them yearly for
 * inflation (Pub. L. 119-21; USCIS publishes each adjustment in the Federal Register): an administrator adds the
 * new amount with its effective date, no release needed. Rows are never changed or removed, so a past day is always
 * answered with the amount that was in force then.
 */
@ApplicationScoped
public class FeeSchedule {

    /** One amount of the table. */
    public record Entry(Fee fee, LocalDate effectiveOn, BigDecimal amount, String source) {}

    private final EntityManager em;
    private final Caller caller;

    @Inject
    public FeeSchedule(EntityManager em, Caller caller) {
        this.em = em;
        this.caller = caller;
    }

    /** Every amount, by fee and effective date. */
    public List<Entry> all() {
        return read(em.createNativeQuery(
                "select fee, effective_on, amount, source from fee_schedule order by fee, effective_on"));
    }

    /** The amount of each fee in force on {@code day} (none for a fee not yet in force). */
    public List<Entry> inForceOn(LocalDate day) {
        return read(em.createNativeQuery("select distinct on (fee) fee, effective_on, amount, source from fee_schedule"
                        + " where effective_on <= ?1 order by fee, effective_on desc")
                .setParameter(1, day));
    }

    /** The asylum fees exist since Pub. L. 119-21 was enacted; no amount can be in force before. */
    public static final LocalDate ENACTED = LocalDate.of(2025, 7, 4);

    /**
     * Adds an amount from its effective date on; an amount for the same fee and date exists already: 409; an
     * effective date before the law: 400.
     */
    @Transactional
    public Entry add(Entry entry) {
        if (entry.effectiveOn().isBefore(ENACTED)) {
            throw InvalidInputException.of(
                    "effectiveOn", "must not be before " + ENACTED + ", the day the asylum fees were enacted");
        }
        int inserted = em.createNativeQuery("insert into fee_schedule (fee, effective_on, amount, source, created_by)"
                        + " values (?1, ?2, ?3, ?4, ?5) on conflict do nothing")
                .setParameter(1, entry.fee().name())
                .setParameter(2, entry.effectiveOn())
                .setParameter(3, entry.amount())
                .setParameter(4, entry.source())
                .setParameter(5, caller.username())
                .executeUpdate();
        if (inserted == 0) {
            throw new ConflictException("The fee table already has an amount of " + entry.fee() + " effective on "
                    + entry.effectiveOn() + "; amounts are never changed, add one with a later effective date.");
        }
        return entry;
    }

    private static List<Entry> read(jakarta.persistence.Query query) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<Entry> entries = new ArrayList<>();
        for (Object[] row : rows) {
            entries.add(new Entry(
                    Fee.valueOf((String) row[0]), SqlValues.toLocalDate(row[1]), (BigDecimal) row[2], (String) row[3]));
        }
        return entries;
    }
}
