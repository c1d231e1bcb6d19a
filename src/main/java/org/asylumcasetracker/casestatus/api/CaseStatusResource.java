package org.asylumcasetracker.casestatus.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.asylumcasetracker.casestatus.CaseStatusService;
import org.asylumcasetracker.casestatus.Suggestion;
import org.asylumcasetracker.filing.api.EventResponse;
import org.asylumcasetracker.filing.api.FilingViews;
import org.asylumcasetracker.filing.api.RecordedEventResponse;
import org.asylumcasetracker.platform.api.ETags;
import org.asylumcasetracker.platform.api.PageResponse;
import org.asylumcasetracker.platform.api.Paging;
import org.asylumcasetracker.platform.idempotency.Idempotent;
import org.asylumcasetracker.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/filings/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CASEWORKER, Roles.SUPERVISOR, Roles.INTEGRATION})
@Tag(name = "Case status", description = "USCIS case status checked by the service, and the suggestions it makes")
public class CaseStatusResource {

    private final CaseStatusService service;
    private final FilingViews views;

    @Inject
    public CaseStatusResource(CaseStatusService service, FilingViews views) {
        this.service = service;
        this.views = views;
    }

    @GET
    @Path("/case-status")
    @Operation(
            operationId = "getCaseStatus",
            summary = "The USCIS case status of the filing's receipt numbers, with every status reported so far")
    @APIResponse(
            responseCode = "200",
            description = "The receipt numbers and their history",
            content = @Content(schema = @Schema(implementation = CaseStatusResponse.class)))
    @APIResponse(responseCode = "404", description = "No such filing in your organization")
    public CaseStatusResponse getCaseStatus(@PathParam("id") UUID id) {
        return CaseStatusResponse.of(id, service.statusOf(id));
    }

    @GET
    @Path("/suggestions")
    @Operation(operationId = "listSuggestions", summary = "Events that USCIS status changes propose, newest first")
    @APIResponse(
            responseCode = "200",
            description = "The suggestions",
            content = @Content(schema = @Schema(implementation = SuggestionPage.class)))
    @APIResponse(responseCode = "404", description = "No such filing in your organization")
    public PageResponse<SuggestionResponse> listSuggestions(
            @PathParam("id") UUID id,
            @QueryParam("state") Suggestion.State state,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue(Paging.DEFAULT_SIZE) @Min(1) @Max(Paging.MAX_SIZE) int size) {
        PageResponse<Suggestion> found = service.suggestions(id, state, page, size);
        return new PageResponse<>(
                found.items().stream().map(SuggestionResponse::from).toList(), page, size, found.total());
    }

    @GET
    @Path("/suggestions/{suggestionId}")
    @Operation(operationId = "getSuggestion", summary = "Read a suggestion")
    @APIResponse(
            responseCode = "200",
            description = "The suggestion",
            content = @Content(schema = @Schema(implementation = SuggestionResponse.class)))
    @APIResponse(responseCode = "404", description = "No such filing or suggestion in your organization")
    public SuggestionResponse getSuggestion(@PathParam("id") UUID id, @PathParam("suggestionId") UUID suggestionId) {
        return SuggestionResponse.from(service.suggestion(id, suggestionId));
    }

    @POST
    @Idempotent
    @Path("/suggestions/{suggestionId}/acceptance")
    @RolesAllowed({Roles.CASEWORKER, Roles.SUPERVISOR})
    @Operation(
            operationId = "acceptSuggestion",
            summary =
                    "Accept a suggestion: records the event it proposes, as you, with the rules of the events endpoint")
    @APIResponse(
            responseCode = "201",
            description = "The event was recorded",
            content = @Content(schema = @Schema(implementation = AcceptedSuggestionResponse.class)))
    @APIResponse(responseCode = "404", description = "No such filing or suggestion in your organization")
    @APIResponse(
            responseCode = "409",
            description = "The suggestion was already decided, or its event is not allowed"
                    + " in the filing's stage now (see allowedEvents)")
    @APIResponse(
            responseCode = "422",
            description = "Refused by a rule of the event, e.g. ONLINE_RESCHEDULE_NOT_ALLOWED")
    public Response acceptSuggestion(
            @PathParam("id") UUID id,
            @PathParam("suggestionId") UUID suggestionId,
            @Valid SuggestionAcceptanceRequest request) {
        CaseStatusService.Accepted accepted =
                service.accept(id, suggestionId, request == null ? null : request.toAcceptance());
        var recorded = accepted.recorded();
        return Response.created(URI.create(
                        "/api/v1/filings/" + id + "/events/" + recorded.event().getId()))
                .tag(ETags.tag(recorded.filing().getVersion()))
                .entity(new AcceptedSuggestionResponse(
                        SuggestionResponse.from(accepted.suggestion()),
                        new RecordedEventResponse(
                                EventResponse.from(recorded.event()),
                                recorded.filing().getStage(),
                                views.of(recorded.filing(), recorded.hasPrimaryId()))))
                .build();
    }

    @POST
    @Idempotent
    @Path("/suggestions/{suggestionId}/dismissal")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.CASEWORKER, Roles.SUPERVISOR})
    @Operation(operationId = "dismissSuggestion", summary = "Dismiss a suggestion; nothing is recorded on the filing")
    @APIResponse(
            responseCode = "200",
            description = "The dismissed suggestion",
            content = @Content(schema = @Schema(implementation = SuggestionResponse.class)))
    @APIResponse(responseCode = "404", description = "No such filing or suggestion in your organization")
    @APIResponse(responseCode = "409", description = "The suggestion was already decided")
    public SuggestionResponse dismissSuggestion(
            @PathParam("id") UUID id, @PathParam("suggestionId") UUID suggestionId) {
        return SuggestionResponse.from(service.dismiss(id, suggestionId));
    }
}
