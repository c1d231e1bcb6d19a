package org.asylumcasetracker.alert;

import static org.asylumcasetracker.alert.AlertProbe.alertOn;
import static org.asylumcasetracker.alert.AlertProbe.assertRaised;
import static org.asylumcasetracker.alert.AlertProbe.windowOf;
import static org.asylumcasetracker.alert.FilingFactsMother.courtFiling;
import static org.asylumcasetracker.alert.FilingFactsMother.uscisOnlineFiling;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StampedNoticeMissingRuleTest {

    private static final AlertCode CODE = AlertCode.STAMPED_NOTICE_MISSING;

    @ParameterizedTest(name = "completed 2026-03-16, as of {0}: days overdue {1}")
    @CsvSource(
            nullValues = "-",
            value = {
                "2026-03-15, -",
                "2026-03-16, 0", // the completion date
                "2026-03-31, 15",
            })
    void isDueOnTheCompletionDate(LocalDate asOf, Long daysOverdue) {
        assertRaised(
                CODE,
                courtFiling().biometricsCompleted().stampedNoticeKept(false).build(),
                asOf,
                daysOverdue);
    }

    @ParameterizedTest(name = "stampedNoticeKept {0}: raised {1}")
    @CsvSource(
            nullValues = "-",
            value = {
                "false, true",
                "-,     true", // nobody said: the proof is not known to be safe
                "true,  false",
            })
    void isRaisedUntilSomeoneConfirmsTheNoticeWasKept(Boolean kept, boolean raised) {
        var facts = uscisOnlineFiling()
                .biometricsCompleted()
                .stampedNoticeKept(kept)
                .build();
        assertEquals(raised, windowOf(CODE, facts).isPresent());
    }

    @Test
    void isOnlyAfterBiometricsAreDone() {
        assertTrue(windowOf(
                        CODE,
                        uscisOnlineFiling()
                                .biometricsScheduled()
                                .stampedNoticeKept(false)
                                .build())
                .isEmpty());
        assertTrue(windowOf(
                        CODE,
                        uscisOnlineFiling()
                                .biometricsMissed()
                                .stampedNoticeKept(false)
                                .build())
                .isEmpty());
        assertTrue(windowOf(
                        CODE,
                        uscisOnlineFiling()
                                .biometricsCompleted()
                                .stampedNoticeKept(false)
                                .completedOn(null)
                                .build())
                .isEmpty());
    }

    @Test
    void tellsTheClientToKeepTheStampedNotice() {
        var facts = courtFiling().biometricsCompleted().stampedNoticeKept(false).build();
        Alert alert = alertOn(CODE, facts, LocalDate.of(2026, 3, 20)).orElseThrow();

        assertEquals(
                List.of(AlertAction.of(ActionKind.KEEP_STAMPED_NOTICE)
                        .who(Who.CLIENT)
                        .build()),
                alert.actions());
        assertEquals(Severity.LOW, alert.severity());
    }
}
