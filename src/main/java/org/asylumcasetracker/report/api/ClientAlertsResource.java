package org.asylumcasetracker.report.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.asylumcasetracker.filing.Alert;
import org.asylumcasetracker.platform.api.QueryDates;
import org.asylumcasetracker.platform.security.Roles;
import org.asylumcasetracker.report.ClientAlertService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A client's own alerts: deadlines that concern the person, whichever filing they end up on. */
@Path("/api/v1/clients/{id}/alerts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CASEWORKER, Roles.SUPERVISOR, Roles.INTEGRATION})
@Tag(name = "Clients")
public class ClientAlertsResource {

    private final ClientAlertService service;

    @Inject
    public ClientAlertsResource(ClientAlertService service) {
        this.service = service;
    }

    /** The answer: the day asked about and the alerts raised on it. */
    @Schema(name = "ClientAlerts")
    public record ClientAlertsResponse(LocalDate asOf, List<Alert> items) {}

    @GET
    @Operation(
            operationId = "getClientAlerts",
            summary = "The client's own alerts (the one-year asylum deadline) as of a day (default today), most"
                    + " urgent first; they carry no filingId")
    @APIResponse(
            responseCode = "200",
            description = "The alerts",
            content = @Content(schema = @Schema(implementation = ClientAlertsResponse.class)))
    @APIResponse(responseCode = "404", description = "No such client in your organization")
    public ClientAlertsResponse getClientAlerts(
            @PathParam("id") UUID id,
            @QueryParam("asOf")
                    @Parameter(
                            description = "YYYY-MM-DD; default today in the organization's time zone",
                            schema = @Schema(type = SchemaType.STRING, format = "date"))
                    String asOf) {
        LocalDate day = QueryDates.parseOr("asOf", asOf, service.today());
        return new ClientAlertsResponse(day, service.raisedOn(id, day));
    }
}
