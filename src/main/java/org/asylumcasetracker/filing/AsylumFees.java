package org.asylumcasetracker.filing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The asylum fees of an application as its timeline tells them: each fee notice with the day it is due and the day
 * it was paid. A payment settles the oldest notice still unpaid on its day (payments are matched in date order; a
 * payment before any open notice is kept for the next one). A pure function of the events.
 *
 * <p>Source: Pub. L. 119-21 ("H.R. 1", 4 July 2025), the asylum application fee and the annual asylum fee;
 * USCIS, "USCIS Immigration Fees Required by HR-1 Reconciliation Bill", 90 FR 34511 (22 July 2025), and the interim
 * final rule that follows it: a fee not paid within 30 days of the notice gets the asylum application rejected.
 */
public final class AsylumFees {

    /** Days from a fee notice to its due day, unless the notice says otherwise. */
    public static final int DAYS_TO_PAY = 30;

    /** One notice: what was asked, when it is due, and when it was paid ({@code null}: not yet). */
    public record Notice(LocalDate noticeOn, BigDecimal amount, LocalDate dueOn, LocalDate paidOn) {}

    private AsylumFees() {}

    /** Whether events of this type are fee notices or payments, which the fee alerts read from the timeline. */
    public static boolean isFeeEvent(EventType type) {
        return type == EventType.FEE_NOTICE_RECEIVED || type == EventType.FEE_PAID;
    }

    /** An amount in dollars and cents, as the database keeps it, so a summary reads the same before and after. */
    public static BigDecimal dollars(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * The notices and what paid them, from the events the filing's progress keeps ({@link Progress#keptEvents}: in
     * effect, in the order they were recorded), taken in date order.
     */
    public static List<Notice> of(List<KeptEvent> kept) {
        List<KeptEvent> feeEvents = kept.stream()
                .filter(e -> isFeeEvent(e.type()))
                .sorted(Comparator.comparing(KeptEvent::on)) // stable: the same day keeps the recorded order
                .toList();
        List<Notice> notices = new ArrayList<>();
        int unusedPayments = 0;
        List<LocalDate> unusedPaymentDays = new ArrayList<>();
        for (KeptEvent event : feeEvents) {
            if (event.type() == EventType.FEE_NOTICE_RECEIVED) {
                if (unusedPayments > 0) {
                    unusedPayments--;
                    notices.add(
                            new Notice(event.on(), event.feeAmount(), event.feeDueOn(), unusedPaymentDays.remove(0)));
                } else {
                    notices.add(new Notice(event.on(), event.feeAmount(), event.feeDueOn(), null));
                }
                continue;
            }
            int open = firstUnpaid(notices);
            if (open < 0) {
                unusedPayments++;
                unusedPaymentDays.add(event.on());
            } else {
                Notice n = notices.get(open);
                notices.set(open, new Notice(n.noticeOn(), n.amount(), n.dueOn(), event.on()));
            }
        }
        return notices;
    }

    private static int firstUnpaid(List<Notice> notices) {
        for (int i = 0; i < notices.size(); i++) {
            if (notices.get(i).paidOn() == null) {
                return i;
            }
        }
        return -1;
    }
}
