package org.asylumcasetracker.alert;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.asylumcasetracker.filing.ActionKind;
import org.asylumcasetracker.filing.AlertAction.Item;
import org.asylumcasetracker.filing.AlertAction.Who;
import org.asylumcasetracker.filing.AlertAction;
import org.asylumcasetracker.filing.AlertCode;
import org.asylumcasetracker.filing.Stage;
import org.asylumcasetracker.organization.OrganizationSettings;

/**
 * Biometrics must be done before the individual hearing in court, so from {@code hearingWarningDays} before
 * it until the hearing day itself, unfinished biometrics need both USCIS and the government attorney.
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
        return facts.individualHearingDate(zone).map(hearingDate ->
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
