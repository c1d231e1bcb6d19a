package org.asylumcasetracker.report.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.asylumcasetracker.filing.AlertAction;
import org.asylumcasetracker.filing.AlertCode;
import org.asylumcasetracker.filing.Severity;
import org.asylumcasetracker.filing.Stage;
import org.asylumcasetracker.filing.Venue;
import org.asylumcasetracker.report.OverdueReportService;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An alert with the filing's context, as dashboards list them. No A-Number or contact details. */
@Schema(name = "OverdueRow")
public record OverdueReportRow(
        AlertCode code,
        Severity severity,
        UUID filingId,
        UUID clientId,
        LocalDate dueOn,
        long daysOverdue,
        String summary,
        List<AlertAction> actions,
        String clientName,
        String caseworker,
        Stage stage,
        Venue venue) {

    static OverdueReportRow from(OverdueReportService.ReportRow r) {
        return new OverdueReportRow(
                r.alert().code(),
                r.alert().severity(),
                r.alert().filingId(),
                r.alert().clientId(),
                r.alert().dueOn(),
                r.alert().daysOverdue(),
                r.alert().summary(),
                r.alert().actions(),
                r.row().clientName(),
                r.row().caseworker(),
                r.row().stage(),
                r.row().venue());
    }

    @Override
    public String toString() {
        return "OverdueReportRow[" + filingId + " " + code + "]";
    }
}
