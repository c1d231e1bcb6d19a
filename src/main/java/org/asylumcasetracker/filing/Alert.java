package org.asylumcasetracker.filing;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * A moment when a case worker must act on a filing, as of one date: raised when that date is on or after {@code
 * dueOn}. {@code daysOverdue} counts the days from {@code dueOn} to that date; {@code summary} is one plain-English
 * sentence without personal data.
 */
public record Alert(
        AlertCode code,
        Severity severity,
        UUID filingId,
        UUID clientId,
        LocalDate dueOn,
        long daysOverdue,
        String summary,
        List<AlertAction> actions) {

    /**
     * Most severe first, then longest overdue, then by code name; the last key only makes the order total,
     * and is one a database can repeat with {@code ORDER BY code}.
     */
    public static final Comparator<Alert> MOST_URGENT_FIRST = Comparator.comparing(Alert::severity)
            .thenComparing(Comparator.comparingLong(Alert::daysOverdue).reversed())
            .thenComparing(alert -> alert.code().name());

    public Alert {
        actions = List.copyOf(actions);
    }
}
