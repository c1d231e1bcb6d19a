package org.asylumcasetracker.alert;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.asylumcasetracker.filing.Alert;
import org.asylumcasetracker.filing.Filing;
import org.asylumcasetracker.filing.FilingAlerts;
import org.asylumcasetracker.filing.FilingEvent;
import org.asylumcasetracker.organization.OrganizationSettings;

/**
 * A filing's alerts as of a day: each person's, as {@link AlertRules} derive them from that person's {@link
 * FilingFacts} as they stood at the end of the day (events that happened later are left out, so a past day's answer
 * agrees with the reports, which keep every filing's history).
 */
@ApplicationScoped
public class RuleBasedFilingAlerts implements FilingAlerts {

    @Override
    public List<Alert> raisedOn(
            Filing filing,
            Map<UUID, Boolean> hasPrimaryId,
            Supplier<List<FilingEvent>> timeline,
            OrganizationSettings settings,
            ZoneId zone,
            LocalDate asOf) {
        return FilingFacts.ofEveryoneOn(filing, asOf, hasPrimaryId, timeline, zone).stream()
                .flatMap(facts -> AlertRules.evaluate(facts, settings, zone, asOf).stream())
                .sorted(Alert.MOST_URGENT_FIRST)
                .toList();
    }
}
