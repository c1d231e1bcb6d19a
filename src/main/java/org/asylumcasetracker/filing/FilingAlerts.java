package org.asylumcasetracker.filing;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.asylumcasetracker.organization.OrganizationSettings;

/**
 * The alerts a filing raises on a given day. The alert rules provide them (the {@code alert} package reads
 * filings, never the reverse); the filing's view only asks.
 */
public interface FilingAlerts {

    /**
     * The alerts of everyone on the filing raised on {@code asOf}, most urgent first ({@link Alert#MOST_URGENT_FIRST});
     * {@code hasPrimaryId} tells, by client, who holds a passport or government ID (absent: no). The filing's row
     * answers for any day after its latest event; {@code timeline} (the filing's events) is asked only about an
     * earlier day.
     */
    List<Alert> raisedOn(
            Filing filing,
            Map<UUID, Boolean> hasPrimaryId,
            Supplier<List<FilingEvent>> timeline,
            OrganizationSettings settings,
            ZoneId zone,
            LocalDate asOf);
}
