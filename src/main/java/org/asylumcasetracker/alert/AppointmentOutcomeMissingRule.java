package org.asylumcasetracker.alert;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.asylumcasetracker.filing.ActionKind;
import org.asylumcasetracker.filing.AlertAction;
import org.asylumcasetracker.filing.AlertAction.Who;
import org.asylumcasetracker.filing.AlertCode;
import org.asylumcasetracker.filing.Stage;
import org.asylumcasetracker.organization.OrganizationSettings;

/**
 * From the day after the appointment, a filing still marked as scheduled hides whether the client went; a
 * missed appointment left unrecorded loses the days in which a walk-in may still work.
 *
 * <p>Source: a missed appointment must be known to act on it in time: 8 CFR 103.2(b)(13)(ii) (failure to
 * appear for biometrics), 8 CFR 208.10 (asylum applications); the walk-in window is the product's guidance.
 */
public final class AppointmentOutcomeMissingRule implements AlertRule {

    @Override
    public AlertCode code() {
        return AlertCode.APPOINTMENT_OUTCOME_MISSING;
    }

    @Override
    public Optional<AlertWindow> window(FilingFacts facts, OrganizationSettings settings, ZoneId zone) {
        if (facts.stage() != Stage.BIOMETRICS_SCHEDULED) {
            return Optional.empty();
        }
        return facts.appointmentDate(zone)
                .map(appointmentDate -> AlertWindow.from(code(), appointmentDate.plusDays(1)));
    }

    @Override
    public String summary(FilingFacts facts, OrganizationSettings settings, ZoneId zone, LocalDate asOf) {
        LocalDate appointmentDate = facts.appointmentDate(zone).orElseThrow();
        return "The biometrics appointment was " + Phrases.relativeDay(appointmentDate, asOf)
                + ", but nobody has recorded whether the client attended or missed it.";
    }

    @Override
    public List<AlertAction> actions(FilingFacts facts, OrganizationSettings settings, ZoneId zone, LocalDate asOf) {
        return List.of(
                AlertAction.of(ActionKind.RECORD_OUTCOME).who(Who.CASEWORKER).build());
    }
}
