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
 * The notice the officer stamps is the client's only proof that biometrics were done. It is raised until
 * someone confirms the client kept it: an unanswered question counts as not kept.
 *
 * <p>Source: uscis.gov/forms/forms-information/preparing-your-biometric-services-appointment (the ASC stamps the
 * appointment notice); in court, the stamped notice is the proof of compliance with 8 CFR 1003.47 that the judge
 * may ask for.
 */
public final class StampedNoticeMissingRule implements AlertRule {

    @Override
    public AlertCode code() {
        return AlertCode.STAMPED_NOTICE_MISSING;
    }

    @Override
    public Optional<AlertWindow> window(FilingFacts facts, OrganizationSettings settings, ZoneId zone) {
        if (facts.stage() != Stage.BIOMETRICS_COMPLETED || Boolean.TRUE.equals(facts.stampedNoticeKept())) {
            return Optional.empty();
        }
        return Optional.ofNullable(facts.completedOn()).map(completedOn -> AlertWindow.from(code(), completedOn));
    }

    @Override
    public String summary(FilingFacts facts, OrganizationSettings settings, ZoneId zone, LocalDate asOf) {
        return "Biometrics are done, but nobody has confirmed that the client kept the stamped notice that proves it.";
    }

    @Override
    public List<AlertAction> actions(FilingFacts facts, OrganizationSettings settings, ZoneId zone, LocalDate asOf) {
        return List.of(
                AlertAction.of(ActionKind.KEEP_STAMPED_NOTICE).who(Who.CLIENT).build());
    }
}
