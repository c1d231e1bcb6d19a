package org.asylumcasetracker.alert;

import static org.asylumcasetracker.alert.AlertProbe.actionKinds;
import static org.asylumcasetracker.alert.AlertProbe.alertOn;
import static org.asylumcasetracker.alert.AlertProbe.assertRaised;
import static org.asylumcasetracker.alert.AlertProbe.windowOf;
import static org.asylumcasetracker.alert.FilingFactsMother.courtFiling;
import static org.asylumcasetracker.alert.FilingFactsMother.uscisMailFiling;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.asylumcasetracker.filing.ActionKind;
import org.asylumcasetracker.filing.Alert;
import org.asylumcasetracker.filing.AlertAction;
import org.asylumcasetracker.filing.AlertAction.Item;
import org.asylumcasetracker.filing.AlertAction.Who;
import org.asylumcasetracker.filing.AlertCode;
import org.asylumcasetracker.filing.Severity;
import org.asylumcasetracker.filing.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BiometricsMissedRuleTest {

    private static final AlertCode CODE = AlertCode.BIOMETRICS_MISSED;

    private static final List<ActionKind> WALK_IN_THEN_CALL =
            List.of(ActionKind.WALK_IN, ActionKind.CALL, ActionKind.SEEK_LEGAL_HELP);
    private static final List<ActionKind> CALL_ONLY = List.of(ActionKind.CALL, ActionKind.SEEK_LEGAL_HELP);

    @ParameterizedTest(name = "missed 2026-03-16, as of {0}: days overdue {1}")
    @CsvSource(
            nullValues = "-",
            value = {
                "2026-03-15, -",
                "2026-03-16, 0", // the missed date
                "2026-04-15, 30",
            })
    void isDueOnTheMissedDate(LocalDate asOf, Long daysOverdue) {
        assertRaised(CODE, courtFiling().biometricsMissed().build(), asOf, daysOverdue);
    }

    @ParameterizedTest(name = "walk-in window {0} days, as of {1}: walk in {2}")
    @CsvSource({
        "21, 2026-03-16, true",
        "21, 2026-04-06, true", // appointment date + 21 days: the last walk-in day
        "21, 2026-04-07, false",
        "10, 2026-03-26, true",
        "10, 2026-03-27, false",
        "10, 2026-04-06, false", // a shorter window switches to calling sooner
    })
    void offersAWalkInWithinTheWindowAndOnlyACallAfterIt(int windowDays, LocalDate asOf, boolean walkIn) {
        var settings = SettingsMother.settings().walkInWindowDays(windowDays).build();
        Alert alert = alertOn(CODE, courtFiling().biometricsMissed().build(), settings, asOf)
                .orElseThrow();

        assertEquals(walkIn ? WALK_IN_THEN_CALL : CALL_ONLY, actionKinds(alert));
    }

    @ParameterizedTest(name = "as of {0}: walk in {1}")
    @CsvSource({"2026-04-06, true", "2026-04-07, false"})
    void walkInWindowCountsFromTheAppointmentNotFromWhenTheMissWasRecorded(LocalDate asOf, boolean walkIn) {
        var facts = courtFiling()
                .biometricsMissed()
                .missedOn(LocalDate.of(2026, 3, 25))
                .build();
        assertEquals(
                walkIn ? WALK_IN_THEN_CALL : CALL_ONLY,
                actionKinds(alertOn(CODE, facts, asOf).orElseThrow()));
    }

    @Test
    void withoutAnAppointmentTimeTheWalkInWindowCountsFromTheMissedDate() {
        var facts = courtFiling()
                .biometricsMissed()
                .appointmentAt(null)
                .missedOn(LocalDate.of(2026, 3, 20))
                .build();

        assertEquals(
                WALK_IN_THEN_CALL,
                actionKinds(alertOn(CODE, facts, LocalDate.of(2026, 4, 10)).orElseThrow()));
        assertEquals(
                CALL_ONLY,
                actionKinds(alertOn(CODE, facts, LocalDate.of(2026, 4, 11)).orElseThrow()));
    }

    @Test
    void walkInGoesToTheOfficeWithTheNoticeAndIdentityDocumentsUntilTheWindowCloses() {
        var facts =
                uscisMailFiling().biometricsMissed().clientHasPrimaryId(false).build();
        Alert alert = alertOn(CODE, facts, LocalDate.of(2026, 3, 20)).orElseThrow();

        var walkIn = AlertAction.of(ActionKind.WALK_IN)
                .who(Who.APPLICATION_SUPPORT_CENTER)
                .bring(List.of(Item.APPOINTMENT_NOTICE))
                .bringOneOf(List.of(
                        Item.BIRTH_CERTIFICATE,
                        Item.SCHOOL_ID,
                        Item.EXPIRED_ID,
                        Item.ID_COPY,
                        Item.IMMIGRATION_DOCUMENT))
                .until(LocalDate.of(2026, 4, 6))
                .build();
        var call = AlertAction.of(ActionKind.CALL)
                .who(Who.USCIS_CONTACT_CENTER)
                .phone("1-800-375-5283")
                .say("Reschedule biometrics appointment")
                .haveReady(List.of(Item.A_NUMBER, Item.APPOINTMENT_NOTICE, Item.RECEIPT_NOTICE))
                .build();
        var legalHelp = AlertAction.of(ActionKind.SEEK_LEGAL_HELP)
                .who(Who.IMMIGRATION_ATTORNEY)
                .build();
        assertEquals(List.of(walkIn, call, legalHelp), alert.actions());
        assertEquals(Severity.CRITICAL, alert.severity());
    }

    @Test
    void summaryChangesWhenTheWalkInWindowCloses() {
        var facts = courtFiling().biometricsMissed().build();
        assertTrue(alertOn(CODE, facts, LocalDate.of(2026, 4, 6))
                .orElseThrow()
                .summary()
                .contains("walk-in"));
        assertTrue(alertOn(CODE, facts, LocalDate.of(2026, 4, 7))
                .orElseThrow()
                .summary()
                .contains("has passed"));
    }

    @Test
    void isOnlyWhileTheFilingIsMarkedMissed() {
        assertTrue(windowOf(CODE, courtFiling().biometricsScheduled().build()).isEmpty());
        assertTrue(windowOf(
                        CODE,
                        courtFiling()
                                .biometricsMissed()
                                .stage(Stage.BIOMETRICS_COMPLETED)
                                .build())
                .isEmpty());
        assertTrue(
                windowOf(CODE, courtFiling().biometricsMissed().missedOn(null).build())
                        .isEmpty());
    }
}
