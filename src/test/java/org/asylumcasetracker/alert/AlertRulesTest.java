package org.asylumcasetracker.alert;

import static org.asylumcasetracker.alert.FilingFactsMother.CLIENT_ID;
import static org.asylumcasetracker.alert.FilingFactsMother.FILING_ID;
import static org.asylumcasetracker.alert.FilingFactsMother.NEW_YORK;
import static org.asylumcasetracker.alert.FilingFactsMother.automaticCourtFiling;
import static org.asylumcasetracker.alert.FilingFactsMother.courtFiling;
import static org.asylumcasetracker.alert.FilingFactsMother.uscisMailFiling;
import static org.asylumcasetracker.alert.FilingFactsMother.uscisOnlineFiling;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.asylumcasetracker.alert.FilingFactsMother.Builder;
import org.asylumcasetracker.filing.ActionKind;
import org.asylumcasetracker.filing.Alert;
import org.asylumcasetracker.filing.AlertAction;
import org.asylumcasetracker.filing.AlertAction.Who;
import org.asylumcasetracker.filing.AlertCode;
import org.asylumcasetracker.filing.Severity;
import org.asylumcasetracker.organization.OrganizationSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class AlertRulesTest {

    private static final OrganizationSettings DEFAULTS = SettingsMother.defaults();

    @Test
    void holdsOneRulePerCodeInTheOrderOfTheSpecTable() {
        assertEquals(
                java.util.Arrays.stream(AlertCode.values())
                        .filter(code -> !code.concernsClient())
                        .toList(),
                AlertRules.all().stream().map(AlertRule::code).toList());
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "USCIS_PACKAGE_NOT_MAILED,                  HIGH",
        "RECEIPT_OVERDUE,                           HIGH",
        "BIOMETRICS_NOTICE_OVERDUE,                 HIGH",
        "HEARING_APPROACHING_BIOMETRICS_INCOMPLETE, CRITICAL",
        "APPOINTMENT_UPCOMING,                      INFO",
        "ID_DOCUMENT_MISSING,                       MEDIUM",
        "APPOINTMENT_OUTCOME_MISSING,               HIGH",
        "BIOMETRICS_MISSED,                         CRITICAL",
        "STAMPED_NOTICE_MISSING,                    LOW",
        "WORK_PERMIT_ELIGIBLE,                      INFO",
    })
    void everyCodeHasTheSeverityOfTheSpecTable(AlertCode code, Severity severity) {
        assertEquals(severity, code.severity());
    }

    /** Filings that raise something in every stage, so that closing them is what silences them. */
    static Stream<Arguments> busyFilings() {
        return Stream.of(
                Arguments.of("court, package not mailed", courtFiling()),
                Arguments.of("court, awaiting receipt", courtFiling().awaitingReceipt()),
                Arguments.of("court, AUTOMATIC process", automaticCourtFiling()),
                Arguments.of("USCIS mail, awaiting receipt", uscisMailFiling()),
                Arguments.of(
                        "USCIS online, awaiting notice", uscisOnlineFiling().awaitingBiometricsNotice()),
                Arguments.of(
                        "scheduled, no primary ID",
                        courtFiling().biometricsScheduled().clientHasPrimaryId(false)),
                Arguments.of("missed", courtFiling().biometricsMissed()),
                Arguments.of(
                        "completed, notice not kept",
                        uscisMailFiling().biometricsCompleted().stampedNoticeKept(false)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("busyFilings")
    void closedFilingRaisesNothingOnAnyDay(String description, Builder filing) {
        FilingFacts closed = filing.individualHearingSet().closed().build();

        assertEquals(List.of(), AlertRules.windows(closed, DEFAULTS, NEW_YORK));
        for (LocalDate asOf = LocalDate.of(2025, 12, 1); asOf.getYear() < 2028; asOf = asOf.plusDays(3)) {
            assertEquals(List.of(), AlertRules.evaluate(closed, DEFAULTS, NEW_YORK, asOf), "as of " + asOf);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("busyFilings")
    void theSameFilingOpenRaisesSomething(String description, Builder filing) {
        FilingFacts open = filing.individualHearingSet().build();
        assertFalse(AlertRules.evaluate(open, DEFAULTS, NEW_YORK, LocalDate.of(2026, 9, 1))
                .isEmpty());
    }

    @Test
    void sortsBySeverityThenLongestOverdue() {
        FilingFacts facts = courtFiling()
                .biometricsScheduled()
                .clientHasPrimaryId(false)
                .appointmentAt(OffsetDateTime.parse("2026-06-25T10:00-04:00"))
                .individualHearingAt(OffsetDateTime.parse("2026-07-01T09:00-04:00"))
                .build();

        List<Alert> alerts = AlertRules.evaluate(facts, DEFAULTS, NEW_YORK, LocalDate.of(2026, 6, 20));

        assertEquals(
                List.of(
                        AlertCode.HEARING_APPROACHING_BIOMETRICS_INCOMPLETE, // CRITICAL
                        AlertCode.ID_DOCUMENT_MISSING, // MEDIUM
                        AlertCode.WORK_PERMIT_ELIGIBLE, // INFO, 6 days overdue
                        AlertCode.APPOINTMENT_UPCOMING), // INFO, 2 days overdue
                alerts.stream().map(Alert::code).toList());
        assertEquals(
                List.of(49L, 110L, 6L, 2L),
                alerts.stream().map(Alert::daysOverdue).toList());
    }

    @Test
    void equallyUrgentAlertsAreOrderedByCodeName() {
        LocalDate dueOn = LocalDate.of(2026, 5, 1);
        Alert receipt = alert(AlertCode.RECEIPT_OVERDUE, dueOn, 5);
        Alert outcome = alert(AlertCode.APPOINTMENT_OUTCOME_MISSING, dueOn, 5);
        Alert older = alert(AlertCode.USCIS_PACKAGE_NOT_MAILED, dueOn, 9);

        List<Alert> sorted = Stream.of(receipt, outcome, older)
                .sorted(Alert.MOST_URGENT_FIRST)
                .toList();

        assertEquals(List.of(older, outcome, receipt), sorted);
    }

    @Test
    void alertFromAStoredWindowIsTheAlertEvaluateGives() {
        FilingFacts facts =
                courtFiling().biometricsMissed().individualHearingSet().build();
        List<AlertWindow> stored = AlertRules.windows(facts, DEFAULTS, NEW_YORK);
        LocalDate asOf = LocalDate.of(2026, 7, 20);

        List<Alert> fromStored = stored.stream()
                .filter(window -> window.isRaisedOn(asOf))
                .map(window -> AlertRules.toAlert(window, facts, DEFAULTS, NEW_YORK, asOf))
                .sorted(Alert.MOST_URGENT_FIRST)
                .toList();

        assertEquals(AlertRules.evaluate(facts, DEFAULTS, NEW_YORK, asOf), fromStored);
        assertEquals(3, fromStored.size());
    }

    @Test
    void alertCarriesTheFilingClientAndWindow() {
        FilingFacts facts = uscisMailFiling().build();
        Alert alert = AlertRules.evaluate(facts, DEFAULTS, NEW_YORK, LocalDate.of(2026, 4, 20))
                .get(0);

        assertEquals(AlertCode.RECEIPT_OVERDUE, alert.code());
        assertEquals(Severity.HIGH, alert.severity());
        assertEquals(FILING_ID, alert.filingId());
        assertEquals(CLIENT_ID, alert.clientId());
        assertEquals(LocalDate.of(2026, 4, 15), alert.dueOn());
        assertEquals(5, alert.daysOverdue());
    }

    @Test
    void actionJsonLeavesOutFieldsThatDoNotApply() throws Exception {
        ObjectMapper json =
                new ObjectMapper().findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

        var arriveEarly = AlertAction.of(ActionKind.ARRIVE_EARLY)
                .who(Who.CLIENT)
                .minutesEarly(15)
                .build();
        var walkIn = AlertAction.of(ActionKind.WALK_IN)
                .who(Who.APPLICATION_SUPPORT_CENTER)
                .bring(List.of("APPOINTMENT_NOTICE"))
                .until(LocalDate.of(2026, 4, 6))
                .build();

        assertEquals(
                "{\"kind\":\"ARRIVE_EARLY\",\"who\":\"CLIENT\",\"minutesEarly\":15}",
                json.writeValueAsString(arriveEarly));
        assertEquals(
                "{\"kind\":\"WALK_IN\",\"who\":\"APPLICATION_SUPPORT_CENTER\",\"bring\":[\"APPOINTMENT_NOTICE\"],"
                        + "\"until\":\"2026-04-06\"}",
                json.writeValueAsString(walkIn));
    }

    private static Alert alert(AlertCode code, LocalDate dueOn, long daysOverdue) {
        return new Alert(code, code.severity(), FILING_ID, CLIENT_ID, dueOn, daysOverdue, "A summary.", List.of());
    }
}
