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
 * A missed biometrics appointment can get the application denied or delayed. For {@code walkInWindowDays}
 * after the appointment some offices still take walk-ins; after that only a rescheduled appointment helps.
 *
 * <p>Source: 8 CFR 103.2(b)(13)(ii) and 8 CFR 208.10 (failure to appear for biometrics: the application may
 * be denied, dismissed or referred); in court, 8 CFR 1003.47 (failure to provide biometrics is abandonment);
 * rescheduling through the USCIS Contact Center, uscis.gov/contactcenter.
 */
public final class BiometricsMissedRule implements AlertRule {

    @Override
    public AlertCode code() {
        return AlertCode.BIOMETRICS_MISSED;
    }

    @Override
    public Optional<AlertWindow> window(FilingFacts facts, OrganizationSettings settings, ZoneId zone) {
        if (facts.stage() != Stage.BIOMETRICS_MISSED) {
            return Optional.empty();
        }
        return Optional.ofNullable(facts.missedOn()).map(missedOn -> AlertWindow.from(code(), missedOn));
    }

    @Override
    public String summary(FilingFacts facts, OrganizationSettings settings, ZoneId zone, LocalDate asOf) {
        String risk = "The client missed the biometrics appointment, which can get the application denied or delayed";
        return walkInAllowedUntil(facts, settings, zone, asOf).isPresent()
                ? risk + "; a walk-in at the office may still work, otherwise call to reschedule."
                : risk + ", and the time for a walk-in has passed, so a new appointment is needed.";
    }

    @Override
    public List<AlertAction> actions(FilingFacts facts, OrganizationSettings settings, ZoneId zone, LocalDate asOf) {
        AlertAction call = NextSteps.callContactCenterToReschedule(facts);
        return walkInAllowedUntil(facts, settings, zone, asOf)
                .map(lastDay -> List.of(walkIn(facts, lastDay), call, NextSteps.seekLegalHelp()))
                .orElseGet(() -> List.of(call, NextSteps.seekLegalHelp()));
    }

    /** The last day of the walk-in window, if {@code asOf} is still inside it. */
    private static Optional<LocalDate> walkInAllowedUntil(
            FilingFacts facts, OrganizationSettings settings, ZoneId zone, LocalDate asOf) {
        // Without an appointment time on record the day it was marked missed is the best stand-in.
        return facts.appointmentDate(zone)
                .or(() -> Optional.ofNullable(facts.missedOn()))
                .map(appointmentDate -> appointmentDate.plusDays(settings.walkInWindowDays()))
                .filter(lastDay -> !asOf.isAfter(lastDay));
    }

    private static AlertAction walkIn(FilingFacts facts, LocalDate lastDay) {
        return AlertAction.of(ActionKind.WALK_IN)
                .who(Who.APPLICATION_SUPPORT_CENTER)
                .bring(List.of(Item.APPOINTMENT_NOTICE))
                .bringOneOf(NextSteps.identityDocuments(facts))
                .until(lastDay)
                .build();
    }
}
