package org.asylumcasetracker.alert;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.asylumcasetracker.filing.ActionKind;
import org.asylumcasetracker.filing.AlertAction;
import org.asylumcasetracker.filing.AlertAction.Who;
import org.asylumcasetracker.filing.AlertCode;
import org.asylumcasetracker.filing.Stage;
import org.asylumcasetracker.filing.WorkPermitClock;
import org.asylumcasetracker.organization.OrganizationSettings;

/**
 * {@code workPermitWaitDays} counted days after USCIS or the court received the application, an asylum applicant can
 * apply for a work permit, whether or not biometrics are done; days the clock stood still for delays the applicant
 * caused (a missed or rescheduled biometrics appointment, until biometrics are done) are not counted
 * ({@link WorkPermitClock}). While the clock stands still short of the wait, nothing is raised. The alert lasts until
 * the application is recorded, and says how many days the clock stood still and why.
 *
 * <p>Source: INA 208(d)(2) and 8 CFR 208.7 (an asylum applicant may apply for employment authorization
 * 150 days after filing a complete application, biometrics or not, excluding delays the applicant caused).
 */
public final class WorkPermitEligibleRule implements AlertRule {

    @Override
    public AlertCode code() {
        return AlertCode.WORK_PERMIT_ELIGIBLE;
    }

    @Override
    public Optional<AlertWindow> window(FilingFacts facts, OrganizationSettings settings, ZoneId zone) {
        if (facts.stage() == Stage.CLOSED || facts.workPermitFiled()) {
            return Optional.empty();
        }
        if (facts.filedOn() == null) {
            return Optional.empty();
        }
        return facts.workPermitClock(settings.workPermitWaitDays())
                .eligibleOn()
                .map(eligibleOn -> AlertWindow.from(code(), eligibleOn));
    }

    @Override
    public String summary(FilingFacts facts, OrganizationSettings settings, ZoneId zone, LocalDate asOf) {
        WorkPermitClock.Result clock = facts.workPermitClock(settings.workPermitWaitDays());
        LocalDate receivedOn = facts.receivedOn() != null ? facts.receivedOn() : facts.filedOn();
        String stood = clock.stoppedDays() == 0
                ? ""
                : " (the clock stood still " + Phrases.days(clock.stoppedDays()) + ": "
                        + clock.stops().stream()
                                .map(stop -> (stop.reason() == WorkPermitClock.StopReason.MISSED_BIOMETRICS
                                                ? "missed biometrics appointment"
                                                : "biometrics reschedule requested")
                                        + " " + stop.from() + " until biometrics on " + stop.to())
                                .collect(java.util.stream.Collectors.joining("; "))
                        + ")";
        return "The application was received " + Phrases.days(ChronoUnit.DAYS.between(receivedOn, asOf))
                + " ago and the work-permit clock has reached " + settings.workPermitWaitDays() + " days" + stood
                + ", so the client can apply for a work permit now, with or without biometrics.";
    }

    @Override
    public List<AlertAction> actions(FilingFacts facts, OrganizationSettings settings, ZoneId zone, LocalDate asOf) {
        return List.of(
                AlertAction.of(ActionKind.APPLY_WORK_PERMIT).who(Who.CLIENT).build());
    }
}
