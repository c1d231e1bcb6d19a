package org.asylumcasetracker.alert;

import static org.asylumcasetracker.alert.AlertProbe.alertOn;
import static org.asylumcasetracker.alert.AlertProbe.assertRaised;
import static org.asylumcasetracker.alert.AlertProbe.windowOf;
import static org.asylumcasetracker.alert.FilingFactsMother.courtFiling;
import static org.asylumcasetracker.alert.FilingFactsMother.uscisOnlineFiling;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.asylumcasetracker.filing.ActionKind;
import org.asylumcasetracker.filing.Alert;
import org.asylumcasetracker.filing.AlertAction;
import org.asylumcasetracker.filing.AlertAction.Who;
import org.asylumcasetracker.filing.AlertCode;
import org.asylumcasetracker.filing.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AppointmentOutcomeMissingRuleTest {

    private static final AlertCode CODE = AlertCode.APPOINTMENT_OUTCOME_MISSING;

    @ParameterizedTest(name = "appointment 2026-03-16, as of {0}: days overdue {1}")
    @CsvSource(
            nullValues = "-",
            value = {
                "2026-03-16, -", // the appointment day itself
                "2026-03-17, 0", // the day after
                "2026-03-20, 3",
            })
    void isDueTheDayAfterTheAppointment(LocalDate asOf, Long daysOverdue) {
        assertRaised(CODE, uscisOnlineFiling().biometricsScheduled().build(), asOf, daysOverdue);
    }

    @ParameterizedTest(name = "appointment at {0}: due {1}")
    @CsvSource({
        "2026-03-10T23:30-04:00, 2026-03-11", // 03-11 in UTC, but 03-10 in New York
        "2026-03-11T03:30Z,      2026-03-11",
        "2026-03-10T00:15-04:00, 2026-03-11",
    })
    void theAppointmentDayIsTheOrganizationsCalendarDay(OffsetDateTime appointmentAt, LocalDate dueOn) {
        var facts = uscisOnlineFiling()
                .biometricsScheduled()
                .appointmentAt(appointmentAt)
                .build();
        assertEquals(AlertWindow.from(CODE, dueOn), windowOf(CODE, facts).orElseThrow());
    }

    @Test
    void isOffOnceTheOutcomeIsRecorded() {
        assertTrue(windowOf(CODE, courtFiling().biometricsMissed().build()).isEmpty());
        assertTrue(windowOf(CODE, courtFiling().biometricsCompleted().build()).isEmpty());
        assertTrue(
                windowOf(CODE, courtFiling().awaitingBiometricsNotice().build()).isEmpty());
    }

    @Test
    void asksTheCaseworkerToRecordTheOutcome() {
        Alert alert = alertOn(CODE, courtFiling().biometricsScheduled().build(), LocalDate.of(2026, 3, 19))
                .orElseThrow();

        assertEquals(
                List.of(AlertAction.of(ActionKind.RECORD_OUTCOME)
                        .who(Who.CASEWORKER)
                        .build()),
                alert.actions());
        assertEquals(Severity.HIGH, alert.severity());
        assertEquals(
                "The biometrics appointment was 3 days ago, but nobody has recorded whether the client"
                        + " attended or missed it.",
                alert.summary());
    }
}
