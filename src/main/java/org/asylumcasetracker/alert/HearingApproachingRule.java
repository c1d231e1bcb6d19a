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
 * Biometrics must be done before the individual hearing in court, so from {@code hearingWarningDays} before
 * it until the hearing day itself, unfinished biometrics need both USCIS and the government attorney.
 *
 * <p>Source: 8 CFR 1003.47 and INA 208(d)(5)(A)(i) (the immigration judge cannot grant relief before the biometrics
 * checks are complete; failing to provide biometrics counts as abandoning the application, 8 CFR 1003.47), and the
 * USCIS, "Instructions for Submitting Certain Applications in Immigration Court and for Providing Biometric and
 * Biographic Information to U.S. Citizenship and Immigration Services".
 */
public final class HearingApproachingRule implements AlertRule {

    @Override
    public AlertCode code() {
        return AlertCode.HEARING_APPROACHING_BIOMETRICS_INCOMPLETE;
    }

    @Override
    public Optional<AlertWindow> window(FilingFacts facts, OrganizationSettings settings, ZoneId zone) {
        if (!facts.filedInCourt() || facts.stage() == Stage.BIOMETRICS_COMPLETED || facts.stage() == Stage.CLOSED) {
            return Optional.empty();
        }
        return facts.individualHearingDate(zone)
                .map(hearingDate ->
                        new AlertWindow(code(), hearingDate.minusDays(settings.hearingWarningDays()), hearingDate));
    }

    @Override
    public String summary(FilingFacts facts, OrganizationSettings settings, ZoneId zone, LocalDate asOf) {
        LocalDate hearingDate = facts.individualHearingDate(zone).orElseThrow();
        return "The individual hearing is " + Phrases.relativeDay(hearingDate, asOf)
                + " and biometrics are not done yet, though they must be finished before it.";
    }

    @Override
    public List<AlertAction> actions(FilingFacts facts, OrganizationSettings settings, ZoneId zone, LocalDate asOf) {
        return List.of(
                NextSteps.callContactCenterAboutBiometrics(facts),
                AlertAction.of(ActionKind.CONTACT)
                        .who(Who.GOVERNMENT_ATTORNEY)
                        .haveReady(List.of(Item.A_NUMBER))
                        .build());
    }
}
