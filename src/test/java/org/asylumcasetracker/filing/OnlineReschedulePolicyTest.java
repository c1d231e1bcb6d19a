package org.asylumcasetracker.filing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OnlineReschedulePolicyTest {

    private static final OffsetDateTime APPOINTMENT =
            OffsetDateTime.of(2026, 3, 10, 9, 0, 0, 0, ZoneOffset.ofHours(-5));
    private static final int CUTOFF_HOURS = 12;
    private static final int MAX_ONLINE = 2;

    @ParameterizedTest(name = "{0} minutes before, {1} earlier reschedules -> allowed {2}")
    @CsvSource({
        "721, 0, true", // 12 h + 1 min before
        "720, 0, true", // exactly 12 h before: not less than 12 hours
        "719, 0, false", // 12 h - 1 min before
        "1,   0, false",
        "0,   0, false", // at the appointment
        "-60, 0, false", // after it
        "2880, 1, true",
        "2880, 2, false", // rescheduled twice already
        "2880, 3, false"
    })
    void onlineRescheduleRule(long minutesBefore, int reschedules, boolean allowed) {
        OffsetDateTime requestedAt = APPOINTMENT.minusMinutes(minutesBefore);
        assertEquals(
                allowed,
                OnlineReschedulePolicy.refusal(requestedAt, APPOINTMENT, reschedules, CUTOFF_HOURS, MAX_ONLINE)
                        .isEmpty());
        assertEquals(
                allowed,
                OnlineReschedulePolicy.allowed(requestedAt, APPOINTMENT, reschedules, CUTOFF_HOURS, MAX_ONLINE));
    }

    @ParameterizedTest
    @CsvSource({"24, 1439, false", "24, 1441, true", "6, 361, true", "6, 359, false"})
    void theCutoffFollowsTheSetting(int cutoffHours, long minutesBefore, boolean allowed) {
        assertEquals(
                allowed,
                OnlineReschedulePolicy.refusal(
                                APPOINTMENT.minusMinutes(minutesBefore), APPOINTMENT, 0, cutoffHours, MAX_ONLINE)
                        .isEmpty());
    }
}
