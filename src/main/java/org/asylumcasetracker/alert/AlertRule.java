package org.asylumcasetracker.alert;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.asylumcasetracker.filing.AlertAction;
import org.asylumcasetracker.filing.AlertCode;
import org.asylumcasetracker.organization.OrganizationSettings;

/**
 * One row of the alert table (README, "Rules") as pure functions: no clock, no database. {@link #window} says on
 * which days the alert is raised for the filing as it stands; {@link #summary} and {@link #actions} describe it for a
 * day inside that window. {@code zone} is the organization's, which turns appointment and hearing times into calendar
 * days.
 *
 * <p>Each implementation names in its Javadoc the source of its rule: the USCIS guidance for asylum applicants on
 * receipt and biometrics notices (uscis.gov), 8 CFR 208.10 (failure to appear for biometrics), 8 CFR 1003.47
 * (biometrics before an immigration court decides) and 8 CFR 208.7 (the work-permit wait).
 */
public interface AlertRule {

    AlertCode code();

    /** Empty when the filing's stage, venue or known facts rule the alert out on every day. */
    Optional<AlertWindow> window(FilingFacts facts, OrganizationSettings settings, ZoneId zone);

    String summary(FilingFacts facts, OrganizationSettings settings, ZoneId zone, LocalDate asOf);

    List<AlertAction> actions(FilingFacts facts, OrganizationSettings settings, ZoneId zone, LocalDate asOf);

    /** Every window of this code; a rule that can raise its alert more than once (one per fee) overrides it. */
    default List<AlertWindow> windows(FilingFacts facts, OrganizationSettings settings, ZoneId zone) {
        return window(facts, settings, zone).stream().toList();
    }

    /** The summary for one of {@link #windows}; a rule with several windows tells them apart by their duty. */
    default String summary(
            AlertWindow window, FilingFacts facts, OrganizationSettings settings, ZoneId zone, LocalDate asOf) {
        return summary(facts, settings, zone, asOf);
    }

    default List<AlertAction> actions(
            AlertWindow window, FilingFacts facts, OrganizationSettings settings, ZoneId zone, LocalDate asOf) {
        return actions(facts, settings, zone, asOf);
    }
}
