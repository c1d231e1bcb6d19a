package org.asylumcasetracker.report.api;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "OverdueReport")
public record OverdueReportResponse(LocalDate asOf, List<OverdueReportRow> items, int page, int size, long total) {}
