package org.asylumcasetracker.alert;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.asylumcasetracker.filing.ActionKind;
import org.asylumcasetracker.filing.AlertAction;
import org.asylumcasetracker.filing.AlertAction.Item;
import org.asylumcasetracker.filing.AlertAction.Who;
import org.asylumcasetracker.filing.AlertCode;
import org.asylumcasetracker.filing.Stage;
import org.asylumcasetracker.organization.OrganizationSettings;

/**
 * A reminder, {@code appointmentReminderDays} ahead and through the day itself, of what to take to biometrics.
 *
 * <p>Source: what to bring (the appointment notice, Form I-797C, and photo identification):
 * uscis.gov/forms/forms-information/preparing-your-biometric-services-appointment; arriving early is the notice's own
 * advice.
 */
public final class AppointmentUpcomingRule implements AlertRule {

    @Override
    public AlertCode code() {
        return AlertCode.APPOINTMENT_UPCOMING;
    }

    @Override
    public Optional<AlertWindow> window(FilingFacts facts, OrganizationSettings settings, ZoneId zone) {
        if (facts.stage() != Stage.BIOMETRICS_SCHEDULED) {
            return Optional.empty();
        }
        return facts.appointmentDate(zone)
                .map(appointmentDate -> new AlertWindow(
                        code(), appointmentDate.minusDays(settings.appointmentReminderDays()), appointmentDate));
    }

    @Override
    public String summary(FilingFacts facts, OrganizationSettings settings, ZoneId zone, LocalDate asOf) {
        LocalDate appointmentDate = facts.appointmentDate(zone).orElseThrow();
        return "The biometrics appointment is " + Phrases.relativeDay(appointmentDate, asOf)
                + "; the client needs the notice and proof of identity and should arrive early.";
    }

    @Override
    public List<AlertAction> actions(FilingFacts facts, OrganizationSettings settings, ZoneId zone, LocalDate asOf) {
        return List.of(
                AlertAction.of(ActionKind.BRING_DOCUMENTS)
                        .who(Who.CLIENT)
                        .bring(List.of(Item.APPOINTMENT_NOTICE))
                        .bringOneOf(NextSteps.identityDocuments(facts))
                        .build(),
                AlertAction.of(ActionKind.ARRIVE_EARLY)
                        .who(Who.CLIENT)
                        .minutesEarly(NextSteps.MINUTES_EARLY)
                        .build());
    }
}
