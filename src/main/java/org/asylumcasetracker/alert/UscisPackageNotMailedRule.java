package org.asylumcasetracker.alert;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
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
 * A court applicant must mail USCIS the first three pages of the I-589 and the USCIS instructions, or no
 * receipt and no biometrics appointment will follow; due {@code packageGraceDays} after the court filing.
 *
 * <p>Source: USCIS, "Instructions for Submitting Certain Applications in Immigration Court and for Providing
 * Biometric and Biographic Information to U.S. Citizenship and Immigration Services" (the package to the Nebraska
 * Service Center), 8 CFR 1003.47.
 */
public final class UscisPackageNotMailedRule implements AlertRule {

    @Override
    public AlertCode code() {
        return AlertCode.USCIS_PACKAGE_NOT_MAILED;
    }

    @Override
    public Optional<AlertWindow> window(FilingFacts facts, OrganizationSettings settings, ZoneId zone) {
        // one package covers everyone still waiting with the principal; a person waiting alone needs their own
        if (!facts.filedInCourt()
                || facts.stage() != Stage.AWAITING_USCIS_PACKAGE
                || facts.packageSharedWithPrincipal()) {
            return Optional.empty();
        }
        return Optional.ofNullable(facts.filedOn())
                .map(filedOn -> AlertWindow.from(code(), filedOn.plusDays(settings.packageGraceDays())));
    }

    @Override
    public String summary(FilingFacts facts, OrganizationSettings settings, ZoneId zone, LocalDate asOf) {
        return Phrases.days(ChronoUnit.DAYS.between(facts.filedOn(), asOf))
                + " after the court filing, the copy of the application's first three pages and the USCIS"
                + " instructions is still not recorded as mailed to USCIS.";
    }

    @Override
    public List<AlertAction> actions(FilingFacts facts, OrganizationSettings settings, ZoneId zone, LocalDate asOf) {
        return List.of(AlertAction.of(ActionKind.MAIL_PACKAGE)
                .who(Who.USCIS_NEBRASKA_SERVICE_CENTER)
                .bring(List.of(Item.I589_FIRST_THREE_PAGES, Item.USCIS_INSTRUCTIONS))
                .address(NextSteps.NEBRASKA_SERVICE_CENTER_ADDRESS)
                .build());
    }
}
