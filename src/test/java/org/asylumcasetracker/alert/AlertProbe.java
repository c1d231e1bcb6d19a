package org.asylumcasetracker.alert;

import static org.asylumcasetracker.alert.FilingFactsMother.NEW_YORK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.asylumcasetracker.filing.ActionKind;
import org.asylumcasetracker.filing.Alert;
import org.asylumcasetracker.filing.AlertAction;
import org.asylumcasetracker.filing.AlertCode;
import org.asylumcasetracker.organization.OrganizationSettings;

/** Asks {@link AlertRules} about one alert code, the way the service will, in the New York time zone. */
final class AlertProbe {

    private AlertProbe() {}

    static Optional<Alert> alertOn(AlertCode code, FilingFacts facts, OrganizationSettings settings, LocalDate asOf) {
        return AlertRules.evaluate(facts, settings, NEW_YORK, asOf).stream()
                .filter(alert -> alert.code() == code)
                .findFirst();
    }

    static Optional<Alert> alertOn(AlertCode code, FilingFacts facts, LocalDate asOf) {
        return alertOn(code, facts, SettingsMother.defaults(), asOf);
    }

    static Optional<AlertWindow> windowOf(AlertCode code, FilingFacts facts, OrganizationSettings settings) {
        return AlertRules.forCode(code).window(facts, settings, NEW_YORK);
    }

    static Optional<AlertWindow> windowOf(AlertCode code, FilingFacts facts) {
        return windowOf(code, facts, SettingsMother.defaults());
    }

    /** {@code expectedDaysOverdue} null means the alert must not be raised on {@code asOf}. */
    static void assertRaised(
            AlertCode code,
            FilingFacts facts,
            OrganizationSettings settings,
            LocalDate asOf,
            Long expectedDaysOverdue) {
        Optional<Alert> alert = alertOn(code, facts, settings, asOf);
        if (expectedDaysOverdue == null) {
            assertTrue(alert.isEmpty(), () -> code + " must not be raised on " + asOf);
            return;
        }
        assertTrue(alert.isPresent(), () -> code + " must be raised on " + asOf);
        assertEquals(expectedDaysOverdue, alert.get().daysOverdue(), "daysOverdue on " + asOf);
        assertEquals(asOf.minusDays(expectedDaysOverdue), alert.get().dueOn(), "dueOn");
    }

    static void assertRaised(AlertCode code, FilingFacts facts, LocalDate asOf, Long expectedDaysOverdue) {
        assertRaised(code, facts, SettingsMother.defaults(), asOf, expectedDaysOverdue);
    }

    static List<ActionKind> actionKinds(Alert alert) {
        return alert.actions().stream().map(AlertAction::kind).toList();
    }
}
