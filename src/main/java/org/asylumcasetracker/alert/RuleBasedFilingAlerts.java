package org.asylumcasetracker.alert;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.asylumcasetracker.filing.Alert;
import org.asylumcasetracker.filing.Filing;
import org.asylumcasetracker.filing.FilingAlerts;
import org.asylumcasetracker.filing.FilingEvent;
import org.asylumcasetracker.organization.OrganizationSettings;

/** A filing's alerts, as {@link AlertRules} derive them from its {@link FilingFacts}. */
@ApplicationScoped
public class RuleBasedFilingAlerts implements FilingAlerts {

    @Override
    public List<Alert> raisedOn(
            Filing filing,
            List<FilingEvent> events,
            boolean clientHasPrimaryId,
            OrganizationSettings settings,
            ZoneId zone,
            LocalDate asOf) {
        return AlertRules.evaluate(FilingFacts.of(filing, events, clientHasPrimaryId), settings, zone, asOf);
    }
}
