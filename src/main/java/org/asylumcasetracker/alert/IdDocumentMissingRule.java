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
 * A client with no passport or government ID needs other proof of identity for biometrics, and the time to
 * find it starts the day the appointment notice arrives.
 *
 * <p>Source: the identification an Application Support Center asks for,
 * uscis.gov/forms/forms-information/preparing-your-biometric-services-appointment; the alternatives follow the
 * product's guidance for clients without a valid government ID.
 */
public final class IdDocumentMissingRule implements AlertRule {

    @Override
    public AlertCode code() {
        return AlertCode.ID_DOCUMENT_MISSING;
    }

    @Override
    public Optional<AlertWindow> window(FilingFacts facts, OrganizationSettings settings, ZoneId zone) {
        if (facts.stage() != Stage.BIOMETRICS_SCHEDULED || facts.clientHasPrimaryId()) {
            return Optional.empty();
        }
        return Optional.ofNullable(facts.noticeReceivedOn()).map(receivedOn -> AlertWindow.from(code(), receivedOn));
    }

    @Override
    public String summary(FilingFacts facts, OrganizationSettings settings, ZoneId zone, LocalDate asOf) {
        return "The client has no passport or government ID on file for the biometrics appointment,"
                + " so other proof of identity has to be found.";
    }

    @Override
    public List<AlertAction> actions(FilingFacts facts, OrganizationSettings settings, ZoneId zone, LocalDate asOf) {
        return List.of(AlertAction.of(ActionKind.GATHER_DOCUMENTS)
                .who(Who.CLIENT)
                .bringOneOf(NextSteps.ALTERNATIVE_ID)
                .build());
    }
}
