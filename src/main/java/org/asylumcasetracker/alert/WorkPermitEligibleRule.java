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
import org.asylumcasetracker.organization.OrganizationSettings;

/**
 * {@code workPermitWaitDays} after filing, an asylum applicant can generally apply for a work permit, whether
 * or not biometrics are done; the alert lasts until the application is recorded.
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
        return Optional.ofNullable(facts.filedOn())
                .map(filedOn -> AlertWindow.from(code(), filedOn.plusDays(settings.workPermitWaitDays())));
    }

    @Override
    public String summary(FilingFacts facts, OrganizationSettings settings, ZoneId zone, LocalDate asOf) {
        return "The application was filed " + Phrases.days(ChronoUnit.DAYS.between(facts.filedOn(), asOf))
                + " ago, so the client can apply for a work permit now, with or without biometrics.";
    }

    @Override
    public List<AlertAction> actions(FilingFacts facts, OrganizationSettings settings, ZoneId zone, LocalDate asOf) {
        return List.of(
                AlertAction.of(ActionKind.APPLY_WORK_PERMIT).who(Who.CLIENT).build());
    }
}
