package org.asylumcasetracker.report;

import java.time.LocalDate;
import java.util.UUID;
import org.asylumcasetracker.filing.AlertCode;
import org.asylumcasetracker.filing.Stage;
import org.asylumcasetracker.filing.Venue;

/**
 * One raised alert as the report query returns it: the window and what a supervisor needs beside it. An alert
 * about a person rather than a filing (the one-year deadline, an address change to report) has no {@code filingId}, {@code stage} or {@code venue};
 * {@code duty} names the form of an address change to report.
 */
public record OverdueRow(
        UUID filingId,
        UUID clientId,
        AlertCode code,
        LocalDate dueOn,
        LocalDate endsOn,
        long daysOverdue,
        String clientName,
        String caseworker,
        Stage stage,
        Venue venue,
        String duty) {

    @Override
    public String toString() {
        return "OverdueRow[" + filingId + " " + code + "]";
    }
}
