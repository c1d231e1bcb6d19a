package org.asylumcasetracker.alert;

import static org.asylumcasetracker.alert.AlertProbe.actionKinds;
import static org.asylumcasetracker.alert.AlertProbe.alertOn;
import static org.asylumcasetracker.alert.AlertProbe.assertRaised;
import static org.asylumcasetracker.alert.AlertProbe.windowOf;
import static org.asylumcasetracker.alert.FilingFactsMother.automaticCourtFiling;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class BiometricsNoticeOverdueRuleTest {

    private static final AlertCode CODE = AlertCode.BIOMETRICS_NOTICE_OVERDUE;
    private static final LocalDate RESCHEDULED_ON = LocalDate.of(2026, 3, 12);

    @ParameterizedTest(name = "receipt 2026-02-10, as of {0}: days overdue {1}")
    @CsvSource(
            nullValues = "-",
            value = {
                "2026-04-09, -",
                "2026-04-10, 0", // receipt + 2 months
                "2026-04-30, 20",
            })
    void isOverdueTwoMonthsAfterTheReceipt(LocalDate asOf, Long daysOverdue) {
        assertRaised(CODE, courtFiling().awaitingBiometricsNotice().build(), asOf, daysOverdue);
    }

    static Stream<Arguments> clockStarts() {
        return Stream.of(
                Arguments.of(
                        "after the receipt",
                        uscisMailFiling().awaitingBiometricsNotice().build(),
                        LocalDate.of(2026, 4, 10)),
                Arguments.of(
                        "after a reschedule, from its date",
                        uscisOnlineFiling()
                                .awaitingBiometricsNotice()
                                .biometricsClockStartOn(RESCHEDULED_ON)
                                .build(),
                        LocalDate.of(2026, 5, 12)),
                Arguments.of(
                        "AUTOMATIC court process, from the filing",
                        automaticCourtFiling().build(),
                        LocalDate.of(2026, 3, 15)),
                Arguments.of(
                        "clock started on the last day of a month",
                        uscisMailFiling()
                                .awaitingBiometricsNotice()
                                .biometricsClockStartOn(LocalDate.of(2025, 12, 31))
                                .build(),
                        LocalDate.of(2026, 2, 28)),
                Arguments.of(
                        "and of a month before a leap February",
                        uscisMailFiling()
                                .awaitingBiometricsNotice()
                                .biometricsClockStartOn(LocalDate.of(2027, 12, 31))
                                .build(),
                        LocalDate.of(2028, 2, 29)));
    }

    @ParameterizedTest(name = "{0}: due {2}")
    @MethodSource("clockStarts")
    void isCountedFromWhenTheWaitBegan(String description, FilingFacts facts, LocalDate dueOn) {
        assertEquals(dueOn, windowOf(CODE, facts).orElseThrow().dueOn());
        assertRaised(CODE, facts, dueOn.minusDays(1), null);
        assertRaised(CODE, facts, dueOn, 0L);
    }

    @ParameterizedTest(name = "{0} months: due {1}")
    @CsvSource({"1, 2026-03-10", "2, 2026-04-10", "3, 2026-05-10"})
    void biometricsNoticeOverdueMonthsMovesTheDueDate(int months, LocalDate dueOn) {
        var settings =
                SettingsMother.settings().biometricsNoticeOverdueMonths(months).build();
        var facts = uscisMailFiling().awaitingBiometricsNotice().build();
        assertEquals(dueOn, windowOf(CODE, facts, settings).orElseThrow().dueOn());
    }

    static Stream<Arguments> filingsNotWaitingForANotice() {
        return Stream.of(
                Arguments.of("still waiting for the receipt", uscisMailFiling().build()),
                Arguments.of(
                        "appointment scheduled",
                        uscisMailFiling().biometricsScheduled().build()),
                Arguments.of(
                        "appointment missed", courtFiling().biometricsMissed().build()),
                Arguments.of(
                        "no clock start on record",
                        uscisMailFiling()
                                .awaitingBiometricsNotice()
                                .biometricsClockStartOn(null)
                                .build()),
                Arguments.of(
                        "closed",
                        uscisMailFiling().awaitingBiometricsNotice().closed().build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filingsNotWaitingForANotice")
    void isOnlyForFilingsWaitingForANotice(String description, FilingFacts facts) {
        assertTrue(windowOf(CODE, facts).isEmpty());
    }

    static Stream<Arguments> stepsByWhereTheNoticeArrives() {
        return Stream.of(
                Arguments.of("court", courtFiling().awaitingBiometricsNotice().build(), List.of(ActionKind.CALL)),
                Arguments.of(
                        "USCIS online",
                        uscisOnlineFiling().awaitingBiometricsNotice().build(),
                        List.of(ActionKind.CHECK_ONLINE_ACCOUNT, ActionKind.CALL)),
                Arguments.of(
                        "USCIS by mail",
                        uscisMailFiling().awaitingBiometricsNotice().build(),
                        List.of(ActionKind.CHECK_CASE_STATUS, ActionKind.CALL)));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("stepsByWhereTheNoticeArrives")
    void onlineFilersCheckTheirAccountBeforeCalling(String description, FilingFacts facts, List<ActionKind> kinds) {
        Alert alert = alertOn(CODE, facts, LocalDate.of(2026, 6, 1)).orElseThrow();
        assertEquals(kinds, actionKinds(alert));
    }

    @Test
    void callHasTheReceiptNoticeReadyOnlyWhenThereIsOne() {
        var withReceipt = alertOn(CODE, courtFiling().awaitingBiometricsNotice().build(), LocalDate.of(2026, 6, 1));
        var automatic = alertOn(CODE, automaticCourtFiling().build(), LocalDate.of(2026, 6, 1));

        assertEquals(
                List.of(Item.A_NUMBER, Item.RECEIPT_NOTICE),
                withReceipt.orElseThrow().actions().get(0).haveReady());
        AlertAction call = automatic.orElseThrow().actions().get(0);
        assertEquals(Who.USCIS_CONTACT_CENTER, call.who());
        assertEquals("1-800-375-5283", call.phone());
        assertEquals(List.of(Item.A_NUMBER), call.haveReady());
    }

    static Stream<Arguments> summaries() {
        return Stream.of(
                Arguments.of(uscisMailFiling().awaitingBiometricsNotice().build(), "the receipt notice"),
                Arguments.of(
                        uscisMailFiling()
                                .awaitingBiometricsNotice()
                                .biometricsClockStartOn(RESCHEDULED_ON)
                                .build(),
                        "the reschedule request"),
                Arguments.of(automaticCourtFiling().build(), "the court filing"));
    }

    @ParameterizedTest(name = "counted from {1}")
    @MethodSource("summaries")
    void summaryNamesWhatTheWaitIsCountedFrom(FilingFacts facts, String countedFrom) {
        assertEquals(
                "No biometrics appointment notice has been recorded within 2 months of " + countedFrom + ".",
                alertOn(CODE, facts, LocalDate.of(2026, 12, 1)).orElseThrow().summary());
    }
}
