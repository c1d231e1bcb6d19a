package org.asylumcasetracker.alert;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.asylumcasetracker.filing.Alert;
import org.asylumcasetracker.filing.Filing;
import org.asylumcasetracker.filing.FilingAlerts;
import org.asylumcasetracker.filing.FilingEvent;
import org.asylumcasetracker.organization.OrganizationSettings;

/** A filing's alerts: each person's, as {@link AlertRules} derive them from that person's {@link FilingFacts}. */
@ApplicationScoped
public class RuleBasedFilingAlerts implements FilingAlerts {

    @Override
    public List<Alert> raisedOn(
            Filing filing,
            Map<UUID, Boolean> hasPrimaryId,
            List<FilingEvent> events,
            OrganizationSettings settings,
            ZoneId zone,
            LocalDate asOf) {
        return FilingFacts.ofEveryone(filing, hasPrimaryId, events).stream()
                .flatMap(facts -> AlertRules.evaluate(facts, settings, zone, asOf).stream())
                .sorted(Alert.MOST_URGENT_FIRST)
                .toList();
    }
}
