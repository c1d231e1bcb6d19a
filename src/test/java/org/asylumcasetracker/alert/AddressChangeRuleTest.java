package org.asylumcasetracker.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.asylumcasetracker.filing.ActionKind;
import org.asylumcasetracker.filing.AddressForm;
import org.asylumcasetracker.filing.Alert;
import org.asylumcasetracker.filing.AlertAction;
import org.asylumcasetracker.filing.AlertAction.Who;
import org.asylumcasetracker.filing.AlertCode;
import org.asylumcasetracker.filing.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressChangeRuleTest {

    private static final UUID PERSON = UUID.fromString("00000000-0000-0000-0000-0000000a11ce");
    private static final LocalDate MOVED = LocalDate.parse("2026-03-02");
    private static final LocalDate FILED = LocalDate.parse("2026-01-15");

    private static ClientFacts facts(
            LocalDate onFilingSince, LocalDate onCourtSince, LocalDate ar11, LocalDate eoir33) {
        return new ClientFacts(PERSON, null, null, onFilingSince, onCourtSince, MOVED, ar11, eoir33);
    }

    /** The forms still to report on {@code asOf}, e.g. "AR_11 EOIR_33", or "-". */
    private static String due(ClientFacts facts, LocalDate asOf) {
        List<Alert> alerts = ClientAlertRules.evaluate(facts, SettingsMother.defaults(), asOf);
        alerts.forEach(alert -> assertEquals(AlertCode.ADDRESS_CHANGE_NOT_REPORTED, alert.code()));
        String forms = alerts.stream()
                .map(alert -> alert.actions().get(0).form().name())
                .sorted()
                .reduce((a, b) -> a + " " + b)
                .orElse("-");
        return forms;
    }

    @ParameterizedTest(name = "{0}, AR-11 sent {2}, EOIR-33 sent {3}, as of {4}: {5}")
    @CsvSource(
            nullValues = "null",
            value = {
                // USCIS filing: AR-11 only, raised on the day of the move
                "USCIS, false, null, null, 2026-03-01, -",
                "USCIS, false, null, null, 2026-03-02, AR_11",
                "USCIS, false, null, null, 2026-04-30, AR_11",
                // reported on day 10 (the last day it is on time): raised through day 9
                "USCIS, false, 2026-03-12, null, 2026-03-11, AR_11",
                "USCIS, false, 2026-03-12, null, 2026-03-12, -",
                // reported on day 11 (a day late): raised through day 10
                "USCIS, false, 2026-03-13, null, 2026-03-12, AR_11",
                "USCIS, false, 2026-03-13, null, 2026-03-13, -",
                // court filing: the court too, within 5 days
                "COURT, true, null, null, 2026-03-02, AR_11 EOIR_33",
                "COURT, true, null, 2026-03-07, 2026-03-07, AR_11",
                "COURT, true, 2026-03-05, null, 2026-03-06, EOIR_33",
                "COURT, true, 2026-03-05, 2026-03-07, 2026-03-07, -",
                // reported on the day of the move: never raised
                "COURT, true, 2026-03-02, 2026-03-02, 2026-03-02, -",
            })
    void isRaisedPerDutyUntilTheFormIsSent(
            String venue, boolean court, LocalDate ar11, LocalDate eoir33, LocalDate asOf, String expected) {
        assertEquals(expected, due(facts(FILED, court ? FILED : null, ar11, eoir33), asOf));
    }

    @Test
    void noOpenFilingOrAFilingMadeAfterTheMoveMeansNoDuty() {
        assertEquals("-", due(facts(null, null, null, null), LocalDate.parse("2026-03-10")));
        LocalDate afterTheMove = LocalDate.parse("2026-03-03");
        assertEquals("-", due(facts(afterTheMove, afterTheMove, null, null), LocalDate.parse("2026-03-10")));
        assertTrue(ClientAlertRules.windows(ClientFacts.arrival(PERSON, null, null, FILED), SettingsMother.defaults())
                .isEmpty());
    }

    @Test
    void eachActionNamesTheFormTheAddresseeAndTheDeadline() {
        List<Alert> alerts = ClientAlertRules.evaluate(
                facts(FILED, FILED, null, null), SettingsMother.defaults(), LocalDate.parse("2026-03-09"));
        assertEquals(2, alerts.size());
        for (Alert alert : alerts) {
            assertEquals(Severity.HIGH, alert.severity());
            assertEquals(PERSON, alert.clientId());
            assertEquals(null, alert.filingId());
            assertEquals(MOVED, alert.dueOn());
            assertEquals(7, alert.daysOverdue());
            AlertAction action = alert.actions().get(0);
            assertEquals(ActionKind.REPORT_ADDRESS_CHANGE, action.kind());
            if (action.form() == AddressForm.AR_11) {
                assertEquals(Who.USCIS, action.who());
                assertEquals(LocalDate.parse("2026-03-12"), action.deadlineOn());
                assertTrue(alert.summary().contains("in 3 days"), alert.summary());
            } else {
                assertEquals(Who.IMMIGRATION_COURT, action.who());
                assertEquals(LocalDate.parse("2026-03-07"), action.deadlineOn());
                assertTrue(alert.summary().contains("2 days late"), alert.summary());
            }
        }
    }
}
