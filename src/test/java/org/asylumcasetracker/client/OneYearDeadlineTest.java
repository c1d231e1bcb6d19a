package org.asylumcasetracker.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OneYearDeadlineTest {

    @ParameterizedTest(name = "arrived {0}: deadline {1}")
    @CsvSource({
        "2025-03-10, 2026-03-10", // a Tuesday: the anniversary itself
        "2025-07-04, 2026-07-06", // Independence Day on a Saturday (observed Friday 3 July): Monday
        "2025-07-03, 2026-07-06", // the observed holiday, Friday 3 July, then the weekend: Monday
        "2025-05-25, 2026-05-26", // Memorial Day, Monday 25 May 2026: Tuesday
        "2024-02-29, 2025-02-28", // arrived on a leap day: 28 February (a Friday), not 1 March
        "2026-02-28, 2027-03-01", // 28 February 2027 is a Sunday: Monday 1 March
        "2022-01-01, 2023-01-03", // New Year's Day on a Sunday, observed Monday 2 January: Tuesday
        "2025-12-25, 2026-12-28", // Christmas on a Friday, then the weekend: Monday
        "2025-06-19, 2026-06-22", // Juneteenth on a Friday, then the weekend: Monday
        "2025-11-26, 2026-11-27", // Thanksgiving, Thursday: Friday
        "2025-10-12, 2026-10-12", // Columbus Day is not in the nationwide calendar: not moved (the earlier reading)
    })
    void isTheAnniversaryMovedPastWeekendsAndFederalHolidays(LocalDate arrival, LocalDate deadline) {
        assertEquals(deadline, OneYearDeadline.after(arrival).orElseThrow());
    }

    @Test
    void unknownArrivalHasNoDeadline() {
        assertTrue(OneYearDeadline.after(null).isEmpty());
    }
}
