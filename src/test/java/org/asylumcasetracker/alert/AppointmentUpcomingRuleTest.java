package org.asylumcasetracker.alert;

import static org.asylumcasetracker.alert.AlertProbe.alertOn;
import static org.asylumcasetracker.alert.AlertProbe.assertRaised;
import static org.asylumcasetracker.alert.AlertProbe.windowOf;
import static org.asylumcasetracker.alert.FilingFactsMother.APPOINTMENT_DATE;
import static org.asylumcasetracker.alert.FilingFactsMother.courtFiling;
import static org.asylumcasetracker.alert.FilingFactsMother.uscisMailFiling;
import static org.asylumcasetracker.alert.FilingFactsMother.uscisOnlineFiling;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.asylumcasetracker.filing.ActionKind;
import org.asylumcasetracker.filing.Alert;
import org.asylumcasetracker.filing.AlertAction;
import org.asylumcasetracker.filing.AlertAction.Item;
import org.asylumcasetracker.filing.AlertAction.Who;
import org.asylumcasetracker.filing.AlertCode;
import org.asylumcasetracker.filing.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class AppointmentUpcomingRuleTest {

    private static final AlertCode CODE = AlertCode.APPOINTMENT_UPCOMING;

    @ParameterizedTest(name = "appointment 2026-03-16, as of {0}: days overdue {1}")
    @CsvSource(
            nullValues = "-",
            value = {
                "2026-03-08, -",
                "2026-03-09, 0", // appointment date - 7 days
                "2026-03-16, 7", // the appointment day
                "2026-03-17, -", // the appointment has passed
            })
    void remindsFromAWeekBeforeThroughTheAppointmentDay(LocalDate asOf, Long daysOverdue) {
        assertRaised(CODE, uscisMailFiling().biometricsScheduled().build(), asOf, daysOverdue);
    }

    @ParameterizedTest(name = "reminder {0} days: due {1}")
    @CsvSource({"7, 2026-03-09", "3, 2026-03-13", "0, 2026-03-16"})
    void appointmentReminderDaysMovesTheStart(int reminderDays, LocalDate dueOn) {
        var settings =
                SettingsMother.settings().appointmentReminderDays(reminderDays).build();
        var window = windowOf(CODE, uscisMailFiling().biometricsScheduled().build(), settings)
                .orElseThrow();
        assertEquals(new AlertWindow(CODE, dueOn, APPOINTMENT_DATE), window);
    }

    @ParameterizedTest(name = "{0} in {1} is on {2}")
    @CsvSource({
        "2026-03-10T23:30-04:00, America/New_York, 2026-03-10", // late evening local time, already 03-11 in UTC
        "2026-03-11T03:30Z,      America/New_York, 2026-03-10", // the same moment as stored in UTC
        "2026-02-10T23:30-05:00, America/New_York, 2026-02-10", // winter time
        "2026-03-10T23:30-05:00, America/New_York, 2026-03-11", // an offset that is wrong for the date moves it
        "2026-03-10T23:30-04:00, UTC,              2026-03-11",
    })
    void theAppointmentDayIsTheOrganizationsCalendarDay(OffsetDateTime appointmentAt, ZoneId zone, LocalDate day) {
        var facts = uscisMailFiling()
                .biometricsScheduled()
                .appointmentAt(appointmentAt)
                .build();
        var window = AlertRules.forCode(CODE)
                .window(facts, SettingsMother.defaults(), zone)
                .orElseThrow();
        assertEquals(day, window.endsOn());
    }

    @Test
    void lateEveningAppointmentIsStillUpcomingOnItsLocalDay() {
        var facts = uscisMailFiling()
                .biometricsScheduled()
                .appointmentAt(OffsetDateTime.parse("2026-03-10T23:30-04:00"))
                .build();
        assertRaised(CODE, facts, LocalDate.of(2026, 3, 10), 7L);
        assertRaised(CODE, facts, LocalDate.of(2026, 3, 11), null);
    }

    @Test
    void isOnlyWhileTheAppointmentIsScheduled() {
        assertTrue(windowOf(CODE, uscisMailFiling().awaitingBiometricsNotice().build())
                .isEmpty());
        assertTrue(windowOf(CODE, uscisMailFiling().biometricsMissed().build()).isEmpty());
        assertTrue(
                windowOf(CODE, uscisMailFiling().biometricsCompleted().build()).isEmpty());
        assertTrue(windowOf(
                        CODE,
                        uscisMailFiling()
                                .biometricsScheduled()
                                .appointmentAt(null)
                                .build())
                .isEmpty());
    }

    static Stream<Arguments> identityDocumentsToBring() {
        return Stream.of(
                Arguments.of("has a passport or government ID", true, List.of(Item.PASSPORT, Item.GOVERNMENT_ID)),
                Arguments.of(
                        "has neither",
                        false,
                        List.of(
                                Item.BIRTH_CERTIFICATE,
                                Item.SCHOOL_ID,
                                Item.EXPIRED_ID,
                                Item.ID_COPY,
                                Item.IMMIGRATION_DOCUMENT)));
    }

    @ParameterizedTest(name = "client {0}")
    @MethodSource("identityDocumentsToBring")
    void tellsToBringTheNoticeAndIdAndArriveEarly(String description, boolean hasPrimaryId, List<String> ids) {
        var facts = uscisOnlineFiling()
                .biometricsScheduled()
                .clientHasPrimaryId(hasPrimaryId)
                .build();
        Alert alert = alertOn(CODE, facts, APPOINTMENT_DATE.minusDays(2)).orElseThrow();

        var bring = AlertAction.of(ActionKind.BRING_DOCUMENTS)
                .who(Who.CLIENT)
                .bring(List.of(Item.APPOINTMENT_NOTICE))
                .bringOneOf(ids)
                .build();
        var arriveEarly = AlertAction.of(ActionKind.ARRIVE_EARLY)
                .who(Who.CLIENT)
                .minutesEarly(15)
                .build();
        assertEquals(List.of(bring, arriveEarly), alert.actions());
        assertEquals(Severity.INFO, alert.severity());
    }

    @ParameterizedTest(name = "as of {0}: {1}")
    @CsvSource({"2026-03-16, today", "2026-03-15, tomorrow", "2026-03-11, in 5 days"})
    void summarySaysHowSoon(LocalDate asOf, String when) {
        Alert alert =
                alertOn(CODE, courtFiling().biometricsScheduled().build(), asOf).orElseThrow();
        assertEquals(
                "The biometrics appointment is " + when
                        + "; the client needs the notice and proof of identity and should arrive early.",
                alert.summary());
    }
}
