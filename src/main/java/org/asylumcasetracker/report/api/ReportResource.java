package org.asylumcasetracker.report.api;

import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.asylumcasetracker.filing.AlertCode;
import org.asylumcasetracker.filing.Severity;
import org.asylumcasetracker.filing.Venue;
import org.asylumcasetracker.organization.CurrentOrganization;
import org.asylumcasetracker.platform.Text;
import org.asylumcasetracker.platform.api.Paging;
import org.asylumcasetracker.platform.api.QueryDates;
import org.asylumcasetracker.platform.ratelimit.RateLimitFilter;
import org.asylumcasetracker.platform.ratelimit.RateLimiter;
import org.asylumcasetracker.platform.security.Roles;
import org.asylumcasetracker.report.CsvWriter;
import org.asylumcasetracker.report.OverdueFilter;
import org.asylumcasetracker.report.OverdueReportService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/reports/overdue")
@Tag(name = "Reports", description = "What is overdue, as of any day, for dashboards and supervisors")
public class ReportResource {

    public static final String TEXT_CSV = "text/csv";
    private static final List<String> CSV_HEADER = List.of(
            "code",
            "severity",
            "dueOn",
            "daysOverdue",
            "filingId",
            "clientId",
            "clientName",
            "caseworker",
            "stage",
            "venue");

    private final OverdueReportService service;
    private final RateLimiter limits;
    private final CurrentOrganization organization;

    @Inject
    public ReportResource(OverdueReportService service, RateLimiter limits, CurrentOrganization organization) {
        this.service = service;
        this.limits = limits;
        this.organization = organization;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, TEXT_CSV})
    @RolesAllowed({Roles.SUPERVISOR, Roles.REPORTS, Roles.CASEWORKER})
    @Operation(
            operationId = "getOverdueReport",
            summary = "Raised alerts with client and filing context; Accept: text/csv gives every row as CSV",
            description = "Sorted by severity, then days overdue (most first). Case workers see their own clients only."
                    + " asOf lies within 10 years of today. The CSV export is streamed and has at most 50,000 rows"
                    + " (ASYLUM_REPORTS_CSV_MAX_ROWS); a larger one is refused with 422 EXPORT_TOO_LARGE: filter it"
                    + " or page through the JSON report. An organization may have 2 exports running at once"
                    + " (ASYLUM_RATE_LIMIT_EXPORTS_PER_ORGANIZATION), all organizations together 4 per instance"
                    + " (ASYLUM_RATE_LIMIT_EXPORTS_PER_INSTANCE); another is refused with 429 and Retry-After.")
    @APIResponse(
            responseCode = "200",
            description = "The report",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = OverdueReportResponse.class)),
                @Content(mediaType = TEXT_CSV, schema = @Schema(type = SchemaType.STRING))
            })
    @APIResponse(
            responseCode = "422",
            description = "EXPORT_TOO_LARGE: the CSV export would have more rows than allowed")
    public Response getOverdueReport(
            @QueryParam("asOf")
                    @Parameter(
                            description = "YYYY-MM-DD; default today in the organization's time zone",
                            schema = @Schema(type = SchemaType.STRING, format = "date"))
                    String asOf,
            @QueryParam("code") AlertCode code,
            @QueryParam("severity") Severity severity,
            @QueryParam("caseworker") @Size(max = 100) String caseworker,
            @QueryParam("venue") Venue venue,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue(Paging.DEFAULT_SIZE) @Min(1) @Max(Paging.MAX_SIZE) int size,
            @Context HttpHeaders headers,
            @Context RoutingContext routing) {
        OverdueFilter filter = new OverdueFilter(
                QueryDates.parseOr("asOf", asOf, null), code, severity, Text.blankToNull(caseworker), venue);
        if (wantsCsv(headers)) {
            Optional<RateLimiter.ExportSlot> slot = limits.tryStartExport(organization.id());
            if (slot.isEmpty()) {
                return RateLimitFilter.tooManyRequests(RateLimiter.EXPORTS_BUSY);
            }
            // given back when the response ends, written or not (a refusal, a failure, a client that went away);
            // a client gone before this line is not announced to a handler added now, so that case is checked after
            routing.addEndHandler(ended -> slot.get().close());
            if (routing.response().closed() || routing.response().ended()) {
                slot.get().close();
            }
            return csv(filter, slot.get());
        }
        OverdueReportService.Page result = service.page(filter, page, size);
        return Response.ok(
                        new OverdueReportResponse(
                                result.asOf(),
                                result.rows().stream()
                                        .map(OverdueReportRow::from)
                                        .toList(),
                                page,
                                size,
                                result.total()),
                        MediaType.APPLICATION_JSON)
                .build();
    }

    @GET
    @Path("/summary")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUPERVISOR, Roles.REPORTS})
    @Operation(
            operationId = "getOverdueSummary",
            summary = "Counts of raised alerts by code, severity, case worker and age")
    public OverdueSummaryResponse getOverdueSummary(
            @QueryParam("asOf")
                    @Parameter(
                            description = "YYYY-MM-DD; default today in the organization's time zone",
                            schema = @Schema(type = SchemaType.STRING, format = "date"))
                    String asOf) {
        return OverdueSummaryResponse.from(
                service.summary(new OverdueFilter(QueryDates.parseOr("asOf", asOf, null), null, null, null, null)));
    }

    private Response csv(OverdueFilter filter, RateLimiter.ExportSlot slot) {
        service.checkExportSize(filter);
        // Written while the rows come from the database: the service's transaction lasts as long as the export.
        StreamingOutput body = out -> {
            try {
                write(filter, slot, out);
            } finally {
                slot.close(); // the rows are out (or writing them failed): the export's work is over
            }
        };
        return Response.ok(body, TEXT_CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"overdue.csv\"")
                .build();
    }

    private void write(OverdueFilter filter, RateLimiter.ExportSlot slot, OutputStream out) throws IOException {
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        CsvWriter csv = new CsvWriter(writer);
        csv.row(CSV_HEADER);
        service.each(filter, row -> {
            csv.row(List.of(
                    row.code(),
                    row.code().severity(),
                    row.dueOn(),
                    row.daysOverdue(),
                    // an alert about a person (the one-year deadline) has no filing, stage or venue
                    row.filingId() == null ? "" : row.filingId(),
                    row.clientId(),
                    row.clientName(),
                    row.caseworker() == null ? "" : row.caseworker(),
                    row.stage() == null ? "" : row.stage(),
                    row.venue() == null ? "" : row.venue()));
            slot.rowWritten(); // rests now and then, so that the export keeps to its share of the time
        });
        writer.flush();
    }

    static boolean wantsCsv(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isWildcardType()) {
                return false;
            }
            if ("text".equals(type.getType()) && "csv".equals(type.getSubtype())) {
                return true;
            }
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
        }
        return false;
    }
}
