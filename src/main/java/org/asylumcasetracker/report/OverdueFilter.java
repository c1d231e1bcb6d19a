package org.asylumcasetracker.report;

import java.time.LocalDate;
import org.asylumcasetracker.filing.AlertCode;
import org.asylumcasetracker.filing.Severity;
import org.asylumcasetracker.filing.Venue;

/**
 * What a report asks for: the day, and optional narrowing. {@code caseworker} narrows by the username shown;
 * {@code ownerSubject} by the person who owns the clients (token subject), which a rename does not change.
 */
public record OverdueFilter(
        LocalDate asOf, AlertCode code, Severity severity, String caseworker, Venue venue, String ownerSubject) {

    public OverdueFilter(LocalDate asOf, AlertCode code, Severity severity, String caseworker, Venue venue) {
        this(asOf, code, severity, caseworker, venue, null);
    }
}
