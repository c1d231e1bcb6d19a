package org.asylumcasetracker.report.api;

import java.time.LocalDate;
import java.util.Map;
import org.asylumcasetracker.report.OverdueReportService;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "OverdueSummary", description = "Counts of raised alerts; aging buckets are days overdue")
public record OverdueSummaryResponse(
        LocalDate asOf,
        long total,
        Map<String, Long> byCode,
        Map<String, Long> bySeverity,
        Map<String, Long> byCaseworker,
        Map<String, Long> aging) {

    static OverdueSummaryResponse from(OverdueReportService.Summary s) {
        return new OverdueSummaryResponse(s.asOf(), s.total(), s.byCode(), s.bySeverity(), s.byCaseworker(), s.aging());
    }
}
