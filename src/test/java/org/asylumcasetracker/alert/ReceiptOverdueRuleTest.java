package org.asylumcasetracker.alert;

import static org.asylumcasetracker.alert.AlertProbe.alertOn;
import static org.asylumcasetracker.alert.AlertProbe.assertRaised;
import static org.asylumcasetracker.alert.AlertProbe.windowOf;
import static org.asylumcasetracker.alert.FilingFactsMother.courtFiling;
import static org.asylumcasetracker.alert.FilingFactsMother.uscisMailFiling;
import static org.asylumcasetracker.alert.FilingFactsMother.uscisOnlineFiling;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ReceiptOverdueRuleTest {

    private static final AlertCode CODE = AlertCode.RECEIPT_OVERDUE;

    @ParameterizedTest(name = "USCIS filing of 2026-01-15, as of {0}: days overdue {1}")
    @CsvSource(
            nullValues = "-",
            value = {
                "2026-04-14, -",
                "2026-04-15, 0", // filedOn + 3 months
                "2026-05-15, 30",
            })
    void uscisFilingIsOverdueThreeMonthsAfterFiling(LocalDate asOf, Long daysOverdue) {
        assertRaised(CODE, uscisMailFiling().build(), asOf, daysOverdue);
    }

    @ParameterizedTest(name = "court package mailed 2026-01-20, as of {0}: days overdue {1}")
    @CsvSource(
            nullValues = "-",
            value = {
                "2026-04-15, -", // three months after the court filing does not count
                "2026-04-19, -",
                "2026-04-20, 0", // packageMailedOn + 3 months
                "2026-04-27, 7",
            })
    void courtFilingIsOverdueThreeMonthsAfterMailingThePackage(LocalDate asOf, Long daysOverdue) {
        assertRaised(CODE, courtFiling().awaitingReceipt().build(), asOf, daysOverdue);
    }

    @ParameterizedTest(name = "filed {0} + {1} months: due {2}")
    @CsvSource({
        "2026-01-31, 3, 2026-04-30", // April has no 31st
        "2025-11-30, 3, 2026-02-28",
        "2027-11-30, 3, 2028-02-29", // leap year
        "2026-01-31, 1, 2026-02-28",
        "2028-01-31, 1, 2028-02-29",
        "2028-02-29, 3, 2028-05-29", // filed on a leap day
        "2028-02-29, 12, 2029-02-28",
        "2026-01-15, 4, 2026-05-15", // receiptOverdueMonths 4
    })
    void monthsAreCalendarMonthsEndingOnTheLastDayWhenShorter(LocalDate filedOn, int months, LocalDate dueOn) {
        var facts = uscisMailFiling().filedOn(filedOn).build();
        var settings = SettingsMother.settings().receiptOverdueMonths(months).build();

        assertEquals(dueOn, windowOf(CODE, facts, settings).orElseThrow().dueOn());
        assertRaised(CODE, facts, settings, dueOn.minusDays(1), null);
        assertRaised(CODE, facts, settings, dueOn, 0L);
    }

    static Stream<Arguments> filingsNotWaitingForAReceipt() {
        return Stream.of(
                Arguments.of(
                        "receipt arrived",
                        uscisMailFiling().awaitingBiometricsNotice().build()),
                Arguments.of("court package not mailed yet", courtFiling().build()),
                Arguments.of(
                        "court filing with no mailing date on record",
                        courtFiling().awaitingReceipt().packageMailedOn(null).build()),
                Arguments.of(
                        "biometrics scheduled",
                        uscisOnlineFiling().biometricsScheduled().build()),
                Arguments.of("closed", uscisMailFiling().closed().build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filingsNotWaitingForAReceipt")
    void isOnlyForFilingsWaitingForAReceipt(String description, FilingFacts facts) {
        assertTrue(windowOf(CODE, facts).isEmpty());
    }

    @Test
    void tellsToCallTheContactCenterWithTheMailingDetailsAtHand() {
        Alert alert = alertOn(CODE, uscisMailFiling().build(), LocalDate.of(2026, 5, 1))
                .orElseThrow();

        AlertAction call = AlertAction.of(ActionKind.CALL)
                .who(Who.USCIS_CONTACT_CENTER)
                .phone("1-800-375-5283")
                .say("InfoPass")
                .haveReady(List.of(Item.A_NUMBER, Item.MAILING_DATE, Item.TRACKING_NUMBER))
                .build();
        assertEquals(List.of(call), alert.actions());
        assertEquals(Severity.HIGH, alert.severity());
    }

    @Test
    void anOnlineFilerIsNotAskedForAMailingDateOrTrackingNumber() {
        Alert alert = alertOn(CODE, uscisOnlineFiling().build(), LocalDate.of(2026, 5, 1))
                .orElseThrow();

        AlertAction call = AlertAction.of(ActionKind.CALL)
                .who(Who.USCIS_CONTACT_CENTER)
                .phone("1-800-375-5283")
                .say("InfoPass")
                .haveReady(List.of(Item.A_NUMBER))
                .build();
        assertEquals(List.of(call), alert.actions());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "USCIS, No receipt notice has been recorded within 3 months of filing with USCIS.",
        "COURT, No receipt notice has been recorded within 3 months of mailing the package to USCIS.",
    })
    void summarySaysWhatTheWaitIsCountedFrom(String venue, String summary) {
        var facts = "COURT".equals(venue)
                ? courtFiling().awaitingReceipt().build()
                : uscisMailFiling().build();
        assertEquals(
                summary,
                alertOn(CODE, facts, LocalDate.of(2026, 6, 1)).orElseThrow().summary());
    }
}
