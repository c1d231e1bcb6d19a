package org.asylumcasetracker.alert;

import static org.asylumcasetracker.alert.AlertProbe.alertOn;
import static org.asylumcasetracker.alert.AlertProbe.assertRaised;
import static org.asylumcasetracker.alert.FilingFactsMother.courtFiling;
import static org.asylumcasetracker.alert.FilingFactsMother.uscisMailFiling;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.asylumcasetracker.filing.ActionKind;
import org.asylumcasetracker.filing.Alert;
import org.asylumcasetracker.filing.AlertAction;
import org.asylumcasetracker.filing.AlertAction.Who;
import org.asylumcasetracker.filing.AlertCode;
import org.asylumcasetracker.filing.AsylumFees;
import org.asylumcasetracker.filing.Channel;
import org.asylumcasetracker.filing.Filing;
import org.asylumcasetracker.filing.FilingEvent;
import org.asylumcasetracker.filing.Severity;
import org.asylumcasetracker.filing.Venue;
import org.asylumcasetracker.organization.CourtBiometricsProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AsylumFeeRulesTest {

    private static final BigDecimal HUNDRED = new BigDecimal("100.00");
    private static final LocalDate NOTICE = LocalDate.of(2026, 9, 1);
    private static final LocalDate DUE = LocalDate.of(2026, 10, 1);

    private static AsylumFees.Notice notice(LocalDate paidOn) {
        return new AsylumFees.Notice(NOTICE, HUNDRED, DUE, paidOn);
    }

    @ParameterizedTest(name = "paid {0}, as of {1}: days overdue {2}")
    @CsvSource(
            nullValues = "-",
            value = {
                "-, 2026-09-16, -",
                "-, 2026-09-17, 0", // feeWarningDays (14) before the due day
                "-, 2026-10-01, 14",
                "-, 2026-11-01, 45",
                // paid the day before the due day: cleared from the payment on
                "2026-09-30, 2026-09-29, 12",
                "2026-09-30, 2026-09-30, -",
                "2026-09-30, 2026-10-01, -",
                // paid the day after the due day: shown through the due day, cleared on the payment day
                "2026-10-02, 2026-10-01, 14",
                "2026-10-02, 2026-10-02, -",
            })
    void isDueBeforeTheFeeIsDueAndLastsUntilPaid(LocalDate paidOn, LocalDate asOf, Long daysOverdue) {
        assertRaised(
                AlertCode.ASYLUM_FEE_DUE,
                uscisMailFiling().feeNotices(notice(paidOn)).build(),
                asOf,
                daysOverdue);
    }

    @Test
    void namesTheAmountTheDueDayAndWhoToPay() {
        Alert alert = alertOn(
                        AlertCode.ASYLUM_FEE_DUE,
                        courtFiling().feeNotices(notice(null)).build(),
                        DUE)
                .orElseThrow();
        assertEquals(Severity.CRITICAL, alert.severity());
        assertEquals(
                List.of(AlertAction.of(ActionKind.PAY_FEE)
                        .who(Who.IMMIGRATION_COURT)
                        .amount(HUNDRED)
                        .deadlineOn(DUE)
                        .build()),
                alert.actions());
        assertTrue(alert.summary().contains("$100.00") && alert.summary().contains("is due today"), alert.summary());
    }

    @Test
    void twoNoticesRaiseTwoAlerts() {
        var facts = uscisMailFiling()
                .feeNotices(
                        notice(null),
                        new AsylumFees.Notice(LocalDate.of(2026, 9, 10), HUNDRED, LocalDate.of(2026, 10, 10), null))
                .build();
        long raised = AlertRules.evaluate(
                        facts,
                        SettingsMother.defaults(),
                        java.time.ZoneId.of("America/New_York"),
                        LocalDate.of(2026, 10, 5))
                .stream()
                .filter(a -> a.code() == AlertCode.ASYLUM_FEE_DUE)
                .count();
        assertEquals(2, raised);
    }

    @Test
    void anotherWarningPeriodMovesTheDueDay() {
        var facts = uscisMailFiling().feeNotices(notice(null)).build();
        var thirtyDays = SettingsMother.settings().feeWarningDays(30).build();
        assertRaised(AlertCode.ASYLUM_FEE_DUE, facts, thirtyDays, LocalDate.of(2026, 9, 1), 0L);
        assertRaised(AlertCode.ASYLUM_FEE_DUE, facts, thirtyDays, LocalDate.of(2026, 8, 31), null);
    }

    @Test
    void twoNoticesOfOneDayAreTwoWindows() {
        var facts = uscisMailFiling()
                .feeNotices(notice(null), new AsylumFees.Notice(NOTICE, new BigDecimal("50.00"), DUE, null))
                .build();
        List<AlertWindow> windows =
                AlertRules.windows(facts, SettingsMother.defaults(), FilingFactsMother.NEW_YORK).stream()
                        .filter(w -> w.code() == AlertCode.ASYLUM_FEE_DUE)
                        .toList();
        assertEquals(
                List.of("2026-09-01", "2026-09-01/2"),
                windows.stream().map(AlertWindow::duty).toList());
        List<Alert> alerts = AlertRules.evaluate(facts, SettingsMother.defaults(), FilingFactsMother.NEW_YORK, DUE);
        assertEquals(
                List.of(HUNDRED, new BigDecimal("50.00")),
                alerts.stream()
                        .filter(a -> a.code() == AlertCode.ASYLUM_FEE_DUE)
                        .map(a -> a.actions().get(0).amount())
                        .toList());
    }

    @ParameterizedTest(name = "{0} filing received {1}, notice {2}, as of {3}: due {4}")
    @CsvSource(
            nullValues = "-",
            value = {
                // owed for each calendar year the application is pending after the year it was received
                "USCIS, 2025-03-01, -, 2025-12-31, -",
                "USCIS, 2025-03-01, -, 2026-01-01, 2026-01-01", // before USCIS's anniversary (2026-03-01)
                "USCIS, 2025-03-01, -, 2026-03-01, 2026-01-01",
                "USCIS, 2025-03-01, -, 2026-12-31, 2026-01-01",
                "USCIS, 2025-03-01, -, 2027-01-01, 2027-01-01", // the next calendar year
                "COURT, 2025-12-31, -, 2026-01-01, 2026-01-01", // received on the last day of a year
                "COURT, 2025-01-01, -, 2025-12-31, -",
                // nothing before the law (4 July 2025); a year already running counts from the enactment
                "USCIS, 2024-03-01, -, 2025-07-03, -",
                "USCIS, 2024-03-01, -, 2025-07-04, 2025-07-04",
                "COURT, 2021-06-15, -, 2026-05-01, 2026-01-01",
                // the year's notice came: the fee alert takes over until the next calendar year
                "USCIS, 2025-03-01, 2026-04-01, 2026-03-31, 2026-01-01",
                "USCIS, 2025-03-01, 2026-04-01, 2026-04-01, -",
                "USCIS, 2025-03-01, 2026-04-01, 2026-12-31, -",
                "USCIS, 2025-03-01, 2026-04-01, 2027-01-01, 2027-01-01",
                // a notice of the year before does not pay this year's fee
                "COURT, 2024-06-01, 2025-12-20, 2026-01-01, 2026-01-01",
            })
    void annualFeeIsOwedForEachCalendarYearAnApplicationIsPending(
            String venue, LocalDate receivedOn, LocalDate noticeOn, LocalDate asOf, LocalDate dueOn) {
        FilingFactsMother.Builder filing =
                ("COURT".equals(venue) ? courtFiling() : uscisMailFiling()).filedOn(receivedOn);
        if (noticeOn != null) {
            filing.feeNotices(new AsylumFees.Notice(noticeOn, HUNDRED, noticeOn.plusDays(30), null));
        }
        assertEquals(
                java.util.Optional.ofNullable(dueOn),
                alertOn(AlertCode.ANNUAL_FEE_EXPECTED, filing.build(), asOf).map(Alert::dueOn));
    }

    @Test
    void theAnnualFeeCountsFromTheDayTheApplicationWasReceived() {
        var filing = uscisMailFiling()
                .filedOn(LocalDate.of(2025, 12, 20))
                .receivedOn(LocalDate.of(2026, 1, 5))
                .build();
        assertEquals(
                java.util.Optional.empty(), alertOn(AlertCode.ANNUAL_FEE_EXPECTED, filing, LocalDate.of(2026, 6, 1)));
        Alert alert = alertOn(AlertCode.ANNUAL_FEE_EXPECTED, filing, LocalDate.of(2027, 1, 2))
                .orElseThrow();
        assertEquals(Severity.INFO, alert.severity());
        assertEquals(1, alert.daysOverdue());
        assertEquals(List.of(AlertAction.of(ActionKind.PAY_FEE).who(Who.USCIS).build()), alert.actions());
        assertTrue(alert.summary().contains("fee for 2027") && alert.summary().contains("2027-01-05"), alert.summary());
    }

    @Test
    void aClosedApplicationIsNoLongerPending() {
        var closed = courtFiling()
                .filedOn(LocalDate.of(2025, 3, 1))
                .feeNotices(notice(null))
                .closed()
                .build();
        assertEquals(
                List.of(), AlertRules.evaluate(closed, SettingsMother.defaults(), FilingFactsMother.NEW_YORK, DUE));
    }

    @Test
    void aPaymentSettlesTheOldestOpenNoticeAndRetractedEventsDoNotCount() {
        Filing filing = Filing.open(
                "org",
                UUID.randomUUID(),
                Venue.USCIS,
                Channel.MAIL,
                LocalDate.of(2025, 8, 1),
                CourtBiometricsProcess.MAIL_PACKAGE);
        OffsetDateTime now = OffsetDateTime.parse("2026-12-01T10:00:00Z");
        FilingEvent first = filing.recordFeeNotice(
                new Filing.EventContext(NOTICE, "t", now, FilingFactsMother.NEW_YORK), HUNDRED, DUE);
        FilingEvent second = filing.recordFeeNotice(
                new Filing.EventContext(LocalDate.of(2026, 9, 10), "t", now, FilingFactsMother.NEW_YORK),
                HUNDRED,
                LocalDate.of(2026, 10, 10));
        FilingEvent paid = filing.recordFeePaid(
                new Filing.EventContext(LocalDate.of(2026, 9, 20), "t", now, FilingFactsMother.NEW_YORK), HUNDRED);
        List<AsylumFees.Notice> notices = AsylumFees.of(filing.progress().keptEvents());
        assertEquals(LocalDate.of(2026, 9, 20), notices.get(0).paidOn());
        assertEquals(null, notices.get(1).paidOn());
        filing.retract(
                paid,
                List.of(first.toEntry(filing.getClientId()), second.toEntry(filing.getClientId())),
                "supervisor",
                "sub",
                now,
                FilingFactsMother.NEW_YORK);
        assertTrue(AsylumFees.of(filing.progress().keptEvents()).stream().allMatch(n -> n.paidOn() == null));
    }
}
