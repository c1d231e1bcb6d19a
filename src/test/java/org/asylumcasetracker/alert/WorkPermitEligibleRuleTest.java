package org.asylumcasetracker.alert;

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
import org.asylumcasetracker.filing.AlertAction.Who;
import org.asylumcasetracker.filing.AlertCode;
import org.asylumcasetracker.filing.Severity;
import org.asylumcasetracker.filing.Stage;
import org.asylumcasetracker.filing.WorkPermitClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class WorkPermitEligibleRuleTest {

    private static final AlertCode CODE = AlertCode.WORK_PERMIT_ELIGIBLE;

    @ParameterizedTest(name = "filed 2026-01-15, as of {0}: days overdue {1}")
    @CsvSource(
            nullValues = "-",
            value = {
                "2026-06-13, -",
                "2026-06-14, 0", // filedOn + 150 days
                "2026-07-14, 30",
            })
    void isDueOneHundredFiftyDaysAfterFiling(LocalDate asOf, Long daysOverdue) {
        assertRaised(CODE, uscisMailFiling().build(), asOf, daysOverdue);
    }

    @ParameterizedTest(name = "filed {0}, wait {1} days: due {2}")
    @CsvSource({
        "2028-02-29, 150, 2028-07-28", // filed on a leap day
        "2027-10-01, 150, 2028-02-28",
        "2027-10-02, 150, 2028-02-29", // lands on a leap day
        "2026-01-15, 180, 2026-07-14", // workPermitWaitDays 180
    })
    void waitIsCountedInDays(LocalDate filedOn, int waitDays, LocalDate dueOn) {
        var settings = SettingsMother.settings().workPermitWaitDays(waitDays).build();
        assertEquals(
                dueOn,
                windowOf(CODE, uscisMailFiling().filedOn(filedOn).build(), settings)
                        .orElseThrow()
                        .dueOn());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Stage.class, names = "CLOSED", mode = EnumSource.Mode.EXCLUDE)
    void appliesWhetherOrNotBiometricsAreDone(Stage stage) {
        assertTrue(
                windowOf(CODE, courtFiling().biometricsCompleted().stage(stage).build())
                        .isPresent());
    }

    @Test
    void isOffOnceTheWorkPermitIsFiledOrTheCaseIsClosed() {
        assertTrue(
                windowOf(CODE, uscisMailFiling().workPermitFiled(true).build()).isEmpty());
        assertTrue(windowOf(CODE, uscisMailFiling().closed().build()).isEmpty());
    }

    @Test
    void saysTheClientCanApplyNow() {
        Alert alert =
                alertOn(CODE, courtFiling().build(), LocalDate.of(2026, 6, 20)).orElseThrow();

        assertEquals(
                List.of(AlertAction.of(ActionKind.APPLY_WORK_PERMIT)
                        .who(Who.CLIENT)
                        .build()),
                alert.actions());
        assertEquals(Severity.INFO, alert.severity());
        assertEquals(
                "The application was received 156 days ago and the work-permit clock has reached 150 days, so the"
                        + " client can apply for a work permit now, with or without biometrics.",
                alert.summary());
    }

    @ParameterizedTest(name = "{0}: due {1}")
    @CsvSource(
            nullValues = "-",
            value = {
                "received with the filing and nothing stopped, -, -, -, 2026-06-14",
                "received 2026-01-20, -, -, 2026-01-20, 2026-06-19",
                "missed 2026-02-10 walk-in 2026-02-24, 2026-02-10, 2026-02-24, -, 2026-06-28",
                "missed 2026-02-10 and not done, 2026-02-10, -, -, -",
            })
    void countsFromReceiptWithoutTheDaysTheClockStoodStill(
            String story, LocalDate missedOn, LocalDate doneOn, LocalDate receivedOn, LocalDate dueOn) {
        List<WorkPermitClock.Fact> facts = new java.util.ArrayList<>();
        if (missedOn != null) {
            facts.add(WorkPermitClock.Fact.stop(missedOn, WorkPermitClock.StopReason.MISSED_BIOMETRICS));
        }
        if (doneOn != null) {
            facts.add(WorkPermitClock.Fact.resume(doneOn));
        }
        FilingFacts filing = uscisMailFiling()
                .receivedOn(receivedOn)
                .workPermitClock(facts.toArray(WorkPermitClock.Fact[]::new))
                .build();
        assertEquals(
                java.util.Optional.ofNullable(dueOn), windowOf(CODE, filing).map(AlertWindow::dueOn), story);
    }

    @Test
    void tellsHowLongTheClockStoodStillAndWhy() {
        FilingFacts filing = uscisMailFiling()
                .workPermitClock(
                        WorkPermitClock.Fact.stop(
                                LocalDate.of(2026, 2, 10), WorkPermitClock.StopReason.MISSED_BIOMETRICS),
                        WorkPermitClock.Fact.resume(LocalDate.of(2026, 2, 24)))
                .build();
        Alert alert = alertOn(CODE, filing, LocalDate.of(2026, 6, 28)).orElseThrow();
        assertEquals(0, alert.daysOverdue());
        assertTrue(alert.summary().contains("stood still 14 days"), alert.summary());
        assertTrue(alert.summary().contains("missed biometrics appointment 2026-02-10"), alert.summary());
    }
}
