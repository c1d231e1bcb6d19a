package org.asylumcasetracker.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.asylumcasetracker.filing.AlertCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlertWindowTest {

    private static final LocalDate DUE_ON = LocalDate.of(2026, 4, 10);
    private static final LocalDate ENDS_ON = LocalDate.of(2026, 4, 20);

    @ParameterizedTest(name = "as of {0}: open-ended {1}, ending 2026-04-20 {2}")
    @CsvSource({
        "2026-04-09, false, false",
        "2026-04-10, true,  true",
        "2026-04-20, true,  true",
        "2026-04-21, true,  false",
        "2030-01-01, true,  false",
    })
    void isRaisedFromDueOnThroughEndsOnInclusive(LocalDate asOf, boolean openEnded, boolean ending) {
        assertEquals(
                openEnded, AlertWindow.from(AlertCode.RECEIPT_OVERDUE, DUE_ON).isRaisedOn(asOf));
        assertEquals(ending, new AlertWindow(AlertCode.APPOINTMENT_UPCOMING, DUE_ON, ENDS_ON).isRaisedOn(asOf));
    }

    @ParameterizedTest(name = "as of {0}: {1} days overdue")
    @CsvSource({"2026-04-10, 0", "2026-04-11, 1", "2026-05-10, 30", "2027-04-10, 365"})
    void countsDaysOverdueFromDueOn(LocalDate asOf, long daysOverdue) {
        assertEquals(
                daysOverdue, AlertWindow.from(AlertCode.RECEIPT_OVERDUE, DUE_ON).daysOverdue(asOf));
    }
}
