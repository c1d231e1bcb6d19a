package org.asylumcasetracker.report.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringWriter;
import java.util.List;
import org.asylumcasetracker.filing.Channel;
import org.asylumcasetracker.filing.Venue;
import org.asylumcasetracker.platform.Text;
import org.asylumcasetracker.platform.api.QueryDates;
import org.asylumcasetracker.platform.security.Roles;
import org.asylumcasetracker.report.CsvWriter;
import org.asylumcasetracker.report.ProcessingTimes;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/reports/processing-times")
@Tag(name = "Reports")
public class ProcessingTimesResource {

    private static final List<String> CSV_HEADER =
            List.of("step", "count", "medianDays", "p90Days", "waiting", "waitingMedianDays");

    private final ProcessingTimes processingTimes;

    @Inject
    public ProcessingTimesResource(ProcessingTimes processingTimes) {
        this.processingTimes = processingTimes;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, ReportResource.TEXT_CSV})
    @RolesAllowed({Roles.SUPERVISOR, Roles.REPORTS})
    @Operation(
            operationId = "getProcessingTimes",
            summary = "How long USCIS and the courts take, step by step, per person on an application",
            description = "Steps: RECEIPT (filed, or package mailed for court cases, to receipt notice),"
                    + " BIOMETRICS_NOTICE (receipt to appointment notice), APPOINTMENT (notice to the appointment's"
                    + " day), BIOMETRICS_DONE (filed to biometrics completed or reused). Each line counts the people"
                    + " whose step ended between from and to, with the median and 90th percentile of its length,"
                    + " and the people still in the step on to, with the median of their wait so far. Retracted"
                    + " events do not count. Accept: text/csv gives the same lines as CSV.")
    @APIResponse(
            responseCode = "200",
            description = "The figures",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = ProcessingTimesResponse.class)),
                @Content(mediaType = ReportResource.TEXT_CSV, schema = @Schema(type = SchemaType.STRING))
            })
    public Response getProcessingTimes(
            @QueryParam("from")
                    @Parameter(
                            description = "YYYY-MM-DD; default 90 days before to",
                            schema = @Schema(type = SchemaType.STRING, format = "date"))
                    String from,
            @QueryParam("to")
                    @Parameter(
                            description = "YYYY-MM-DD; default today in the organization's time zone",
                            schema = @Schema(type = SchemaType.STRING, format = "date"))
                    String to,
            @QueryParam("venue") Venue venue,
            @QueryParam("channel") Channel channel,
            @QueryParam("caseworker") @Size(max = 100) String caseworker,
            @Context HttpHeaders headers) {
        ProcessingTimes.Report report = processingTimes.measure(new ProcessingTimes.Filter(
                QueryDates.parseOr("from", from, null),
                QueryDates.parseOr("to", to, null),
                venue,
                channel,
                Text.blankToNull(caseworker)));
        if (ReportResource.wantsCsv(headers)) {
            StringWriter out = new StringWriter();
            CsvWriter csv = new CsvWriter(out);
            csv.row(CSV_HEADER);
            for (ProcessingTimes.StepTimes step : report.steps()) {
                csv.row(List.of(
                        step.step(),
                        step.count(),
                        orEmpty(step.medianDays()),
                        orEmpty(step.p90Days()),
                        step.waiting(),
                        orEmpty(step.waitingMedianDays())));
            }
            return Response.ok(out.toString(), ReportResource.TEXT_CSV + "; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"processing-times.csv\"")
                    .build();
        }
        return Response.ok(ProcessingTimesResponse.from(report), MediaType.APPLICATION_JSON)
                .build();
    }

    private static Object orEmpty(Object value) {
        return value == null ? "" : value;
    }
}
