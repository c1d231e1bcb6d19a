package org.asylumcasetracker.report;

import java.time.LocalDate;
import org.asylumcasetracker.filing.AlertCode;
import org.asylumcasetracker.filing.Severity;
import org.asylumcasetracker.filing.Venue;

/** What a report asks for: the day, and optional narrowing. */
public record OverdueFilter(LocalDate asOf, AlertCode code, Severity severity, String caseworker, Venue venue) {
}
