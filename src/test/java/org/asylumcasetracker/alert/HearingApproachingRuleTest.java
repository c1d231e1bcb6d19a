package org.asylumcasetracker.alert;

import static org.asylumcasetracker.alert.AlertProbe.actionKinds;
import static org.asylumcasetracker.alert.AlertProbe.alertOn;
import static org.asylumcasetracker.alert.AlertProbe.assertRaised;
import static org.asylumcasetracker.alert.AlertProbe.windowOf;
import static org.asylumcasetracker.alert.FilingFactsMother.HEARING_DATE;
import static org.asylumcasetracker.alert.FilingFactsMother.courtFiling;
import static org.asylumcasetracker.alert.FilingFactsMother.uscisMailFiling;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.asylumcasetracker.filing.ActionKind;
import org.asylumcasetracker.filing.Alert;
import org.asylumcasetracker.filing.AlertAction.Who;
import org.asylumcasetracker.filing.AlertCode;
import org.asylumcasetracker.filing.Severity;
import org.asylumcasetracker.filing.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class HearingApproachingRuleTest {

    private static final AlertCode CODE = AlertCode.HEARING_APPROACHING_BIOMETRICS_INCOMPLETE;

    @ParameterizedTest(name = "hearing 2026-09-14, as of {0}: days overdue {1}")
    @CsvSource(
            nullValues = "-",
            value = {
                "2026-07-15, -",
                "2026-07-16, 0", // hearing date - 60 days
                "2026-09-13, 59",
                "2026-09-14, 60", // the hearing day itself still counts
                "2026-09-15, -", // the hearing has passed
            })
    void isRaisedFromSixtyDaysBeforeTheHearingThroughTheHearingDay(LocalDate asOf, Long daysOverdue) {
        assertRaised(
                CODE,
                courtFiling().awaitingBiometricsNotice().individualHearingSet().build(),
                asOf,
                daysOverdue);
    }

    @ParameterizedTest(name = "warning {0} days: raised {1} through {2}")
    @CsvSource({"60, 2026-07-16, 2026-09-14", "90, 2026-06-16, 2026-09-14", "0, 2026-09-14, 2026-09-14"})
    void hearingWarningDaysMovesTheStartButNotTheEnd(int warningDays, LocalDate dueOn, LocalDate endsOn) {
        var settings = SettingsMother.settings().hearingWarningDays(warningDays).build();
        var facts = courtFiling().individualHearingSet().build();
        assertEquals(
                new AlertWindow(CODE, dueOn, endsOn),
                windowOf(CODE, facts, settings).orElseThrow());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = Stage.class,
            names = {"BIOMETRICS_COMPLETED", "CLOSED"},
            mode = EnumSource.Mode.EXCLUDE)
    void appliesInEveryStageBeforeBiometricsAreDone(Stage stage) {
        var facts = courtFiling()
                .biometricsScheduled()
                .stage(stage)
                .individualHearingSet()
                .build();
        assertTrue(windowOf(CODE, facts).isPresent());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = Stage.class,
            names = {"BIOMETRICS_COMPLETED", "CLOSED"})
    void isOffOnceBiometricsAreDoneOrTheCaseIsClosed(Stage stage) {
        var facts = courtFiling()
                .biometricsCompleted()
                .stage(stage)
                .individualHearingSet()
                .build();
        assertTrue(windowOf(CODE, facts).isEmpty());
    }

    @Test
    void needsACourtFilingWithAnIndividualHearing() {
        assertTrue(windowOf(CODE, courtFiling().awaitingReceipt().build()).isEmpty());
        assertTrue(
                windowOf(CODE, uscisMailFiling().individualHearingSet().build()).isEmpty());
    }

    @ParameterizedTest(name = "hearing at {0} in {1}: last day {2}")
    @CsvSource({
        "2026-09-15T01:00Z,      America/New_York, 2026-09-14", // 21:00 the evening before in New York
        "2026-09-15T01:00Z,      UTC,              2026-09-15",
        "2026-09-14T08:30-04:00, America/New_York, 2026-09-14",
        "2026-09-14T08:30-04:00, Asia/Manila,      2026-09-14",
    })
    void theHearingDayIsTheOrganizationsCalendarDay(OffsetDateTime hearingAt, ZoneId zone, LocalDate hearingDay) {
        var facts = courtFiling().individualHearingAt(hearingAt).build();
        var window = AlertRules.forCode(CODE)
                .window(facts, SettingsMother.defaults(), zone)
                .orElseThrow();
        assertEquals(hearingDay, window.endsOn());
        assertEquals(hearingDay.minusDays(60), window.dueOn());
    }

    @Test
    void tellsToCallUscisAndContactTheGovernmentAttorney() {
        var facts = courtFiling().biometricsMissed().individualHearingSet().build();
        Alert alert = alertOn(CODE, facts, HEARING_DATE.minusDays(10)).orElseThrow();

        assertEquals(List.of(ActionKind.CALL, ActionKind.CONTACT), actionKinds(alert));
        assertEquals(Who.USCIS_CONTACT_CENTER, alert.actions().get(0).who());
        assertEquals(Who.GOVERNMENT_ATTORNEY, alert.actions().get(1).who());
        assertEquals(Severity.CRITICAL, alert.severity());
        assertEquals(
                "The individual hearing is in 10 days and biometrics are not done yet,"
                        + " though they must be finished before it.",
                alert.summary());
    }
}
