package org.asylumcasetracker.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.asylumcasetracker.client.OneYearDeadline;
import org.asylumcasetracker.client.OneYearDeadlineException;
import org.asylumcasetracker.filing.ActionKind;
import org.asylumcasetracker.filing.Alert;
import org.asylumcasetracker.filing.AlertCode;
import org.asylumcasetracker.filing.Severity;
import org.asylumcasetracker.organization.OrganizationSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OneYearDeadlineRuleTest {

    private static final UUID CLIENT = UUID.fromString("00000000-0000-0000-0000-00000000c11e");
    private static final OrganizationSettings DEFAULTS = SettingsMother.defaults();

    private static ClientFacts arrivedOn(String lastArrivalOn, OneYearDeadlineException exception, String filedOn) {
        return ClientFacts.arrival(
                CLIENT,
                OneYearDeadline.after(LocalDate.parse(lastArrivalOn)).orElseThrow(),
                exception,
                filedOn == null ? null : LocalDate.parse(filedOn));
    }

    /** The code raised on {@code asOf}, or "-" for none; never more than one. */
    private static String raised(ClientFacts facts, OrganizationSettings settings, LocalDate asOf) {
        List<Alert> alerts = ClientAlertRules.evaluate(facts, settings, asOf);
        assertTrue(alerts.size() <= 1, "at most one one-year alert at a time: " + alerts);
        return alerts.isEmpty()
                ? "-"
                : alerts.get(0).code() + " " + alerts.get(0).daysOverdue();
    }

    @ParameterizedTest(name = "arrived {0}, on a filing since {1}, as of {2}: {3}")
    @CsvSource(
            nullValues = "null",
            value = {
                // Saturday holiday: arrived 2025-07-04, deadline Monday 2026-07-06, warned from 2026-04-07
                "2025-07-04, null, 2026-04-06, -",
                "2025-07-04, null, 2026-04-07, ONE_YEAR_DEADLINE_APPROACHING 0",
                "2025-07-04, null, 2026-07-06, ONE_YEAR_DEADLINE_APPROACHING 90",
                "2025-07-04, null, 2026-07-07, ONE_YEAR_DEADLINE_PASSED 0",
                "2025-07-04, null, 2027-07-07, ONE_YEAR_DEADLINE_PASSED 365",
                // Monday holiday (Memorial Day): deadline Tuesday 2026-05-26
                "2025-05-25, null, 2026-05-26, ONE_YEAR_DEADLINE_APPROACHING 90",
                "2025-05-25, null, 2026-05-27, ONE_YEAR_DEADLINE_PASSED 0",
                // 29 February: deadline 2025-02-28
                "2024-02-29, null, 2025-02-28, ONE_YEAR_DEADLINE_APPROACHING 90",
                "2024-02-29, null, 2025-03-01, ONE_YEAR_DEADLINE_PASSED 0",
                // on a filing from 2026-05-01: nothing from that day, but the days before stay as they were
                "2025-07-04, 2026-05-01, 2026-04-30, ONE_YEAR_DEADLINE_APPROACHING 23",
                "2025-07-04, 2026-05-01, 2026-05-01, -",
                "2025-07-04, 2026-05-01, 2026-07-07, -",
                // filed late: the passed deadline shows until the filing day
                "2025-07-04, 2026-08-01, 2026-07-31, ONE_YEAR_DEADLINE_PASSED 24",
                "2025-07-04, 2026-08-01, 2026-08-01, -",
            })
    void isRaisedWhileTheClientIsOnNoOpenFiling(String arrival, String filedOn, LocalDate asOf, String expected) {
        assertEquals(expected, raised(arrivedOn(arrival, null, filedOn), DEFAULTS, asOf));
    }

    @Test
    void warningDaysComeFromTheSettings() {
        OrganizationSettings thirty =
                SettingsMother.settings().oneYearWarningDays(30).build();
        ClientFacts facts = arrivedOn("2025-03-10", null, null); // deadline Tuesday 2026-03-10
        assertEquals("-", raised(facts, thirty, LocalDate.parse("2026-02-07")));
        assertEquals("ONE_YEAR_DEADLINE_APPROACHING 0", raised(facts, thirty, LocalDate.parse("2026-02-08")));
    }

    @Test
    void aRecordedExceptionTurnsThePassedDeadlineIntoAReviewNote() {
        ClientFacts facts = arrivedOn("2025-07-04", OneYearDeadlineException.EXTRAORDINARY_CIRCUMSTANCES, null);
        assertEquals("ONE_YEAR_DEADLINE_APPROACHING 90", raised(facts, DEFAULTS, LocalDate.parse("2026-07-06")));
        Alert review = ClientAlertRules.evaluate(facts, DEFAULTS, LocalDate.parse("2026-07-17"))
                .get(0);
        assertEquals(AlertCode.ONE_YEAR_EXCEPTION_REVIEW, review.code());
        assertEquals(Severity.MEDIUM, review.severity());
        assertEquals(10, review.daysOverdue());
        assertEquals(
                ActionKind.REVIEW_DEADLINE_EXCEPTION, review.actions().get(0).kind());
        assertTrue(review.summary().contains("EXTRAORDINARY_CIRCUMSTANCES"), review.summary());
    }

    @Test
    void alertsNameTheClientAndNoFilingAndTellTheDeadline() {
        Alert approaching = ClientAlertRules.evaluate(
                        arrivedOn("2025-07-04", null, null), DEFAULTS, LocalDate.parse("2026-07-01"))
                .get(0);
        assertEquals(CLIENT, approaching.clientId());
        assertEquals(null, approaching.filingId());
        assertEquals(Severity.HIGH, approaching.severity());
        assertEquals(LocalDate.parse("2026-07-06"), approaching.actions().get(0).until());
        assertTrue(approaching.summary().contains("in 5 days"), approaching.summary());

        Alert passed = ClientAlertRules.evaluate(
                        arrivedOn("2025-07-04", null, null), DEFAULTS, LocalDate.parse("2026-07-07"))
                .get(0);
        assertEquals(Severity.CRITICAL, passed.severity());
        assertEquals(ActionKind.SEEK_LEGAL_HELP, passed.actions().get(0).kind());
    }

    @Test
    void noArrivalNoAlert() {
        assertTrue(ClientAlertRules.windows(ClientFacts.arrival(CLIENT, null, null, null), DEFAULTS)
                .isEmpty());
    }
}
