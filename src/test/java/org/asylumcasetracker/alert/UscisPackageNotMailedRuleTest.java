package org.asylumcasetracker.alert;

import static org.asylumcasetracker.alert.AlertProbe.alertOn;
import static org.asylumcasetracker.alert.AlertProbe.assertRaised;
import static org.asylumcasetracker.alert.AlertProbe.windowOf;
import static org.asylumcasetracker.alert.FilingFactsMother.automaticCourtFiling;
import static org.asylumcasetracker.alert.FilingFactsMother.courtFiling;
import static org.asylumcasetracker.alert.FilingFactsMother.uscisMailFiling;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
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
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class UscisPackageNotMailedRuleTest {

    private static final AlertCode CODE = AlertCode.USCIS_PACKAGE_NOT_MAILED;

    @ParameterizedTest(name = "filed 2026-01-15, as of {0}: days overdue {1}")
    @CsvSource(
            nullValues = "-",
            value = {
                "2026-01-21, -", // the day before the 7-day grace period ends
                "2026-01-22, 0", // filedOn + packageGraceDays
                "2026-02-01, 10",
            })
    void isDueWhenTheGracePeriodAfterTheCourtFilingEnds(LocalDate asOf, Long daysOverdue) {
        assertRaised(CODE, courtFiling().build(), asOf, daysOverdue);
    }

    @ParameterizedTest(name = "grace {0} days: due {1}")
    @CsvSource({
        "0, 2026-01-15",
        "7, 2026-01-22",
        "14, 2026-01-29",
        "30, 2026-02-14",
    })
    void packageGraceDaysMovesTheDueDate(int graceDays, LocalDate dueOn) {
        var settings = SettingsMother.settings().packageGraceDays(graceDays).build();
        assertEquals(
                dueOn,
                windowOf(CODE, courtFiling().build(), settings).orElseThrow().dueOn());
    }

    static Stream<Arguments> filingsThatNeedNoPackage() {
        return Stream.of(
                Arguments.of(
                        "court filing once the package is mailed",
                        courtFiling().awaitingReceipt().build()),
                Arguments.of(
                        "court filing under the AUTOMATIC process",
                        automaticCourtFiling().build()),
                Arguments.of(
                        "USCIS filing, even in the package stage",
                        uscisMailFiling().stage(Stage.AWAITING_USCIS_PACKAGE).build()),
                Arguments.of("closed court filing", courtFiling().closed().build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filingsThatNeedNoPackage")
    void isOnlyForCourtFilingsWaitingToMailThePackage(String description, FilingFacts facts) {
        assertTrue(windowOf(CODE, facts).isEmpty());
    }

    @Test
    void tellsWhatToMailAndWhere() {
        Alert alert =
                alertOn(CODE, courtFiling().build(), LocalDate.of(2026, 1, 25)).orElseThrow();

        AlertAction mail = AlertAction.of(ActionKind.MAIL_PACKAGE)
                .who(Who.USCIS_NEBRASKA_SERVICE_CENTER)
                .bring(List.of(Item.I589_FIRST_THREE_PAGES, Item.USCIS_INSTRUCTIONS))
                .address("USCIS Nebraska Service Center\n"
                        + "Defensive Asylum Application with Immigration Court\n"
                        + "P.O. Box 87589\n"
                        + "Lincoln, NE 68501-7589")
                .build();
        assertEquals(List.of(mail), alert.actions());
        assertEquals(Severity.HIGH, alert.severity());
        assertTrue(alert.summary().startsWith("10 days after the court filing"), alert.summary());
    }
}
