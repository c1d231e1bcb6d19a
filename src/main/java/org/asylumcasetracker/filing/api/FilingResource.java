package org.asylumcasetracker.filing.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;
import org.asylumcasetracker.filing.Filing;
import org.asylumcasetracker.filing.FilingEvent;
import org.asylumcasetracker.filing.FilingRepository;
import org.asylumcasetracker.filing.FilingService;
import org.asylumcasetracker.filing.Stage;
import org.asylumcasetracker.filing.Venue;
import org.asylumcasetracker.platform.api.ETags;
import org.asylumcasetracker.platform.api.JsonMergePatch;
import org.asylumcasetracker.platform.api.PageResponse;
import org.asylumcasetracker.platform.api.Paging;
import org.asylumcasetracker.platform.api.QueryDates;
import org.asylumcasetracker.platform.api.RequestValidation;
import org.asylumcasetracker.platform.idempotency.Idempotent;
import org.asylumcasetracker.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/filings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CASEWORKER, Roles.SUPERVISOR, Roles.INTEGRATION})
@Tag(name = "Filings", description = "Asylum applications (I-589) and their state machine")
public class FilingResource {

    private final FilingService service;
    private final FilingViews views;
    private final RequestValidation validation;

    @Inject
    public FilingResource(FilingService service, FilingViews views, RequestValidation validation) {
        this.service = service;
        this.views = views;
        this.validation = validation;
    }

    @POST
    @Idempotent
    @Operation(operationId = "createFiling", summary = "Open a filing for a client")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = FilingResponse.class)))
    @APIResponse(responseCode = "409", description = "The externalRef belongs to another filing")
    public Response createFiling(@NotNull @Valid FilingRequest request) {
        Filing filing = service.create(request.toDescription());
        return Response.created(URI.create("/api/v1/filings/" + filing.getId()))
                .tag(ETags.tag(filing.getVersion()))
                .entity(views.of(filing))
                .build();
    }

    @GET
    @Operation(operationId = "listFilings", summary = "List filings, filtered by stage, venue, client or case worker")
    public PageResponse<FilingResponse> listFilings(
            @QueryParam("stage") Stage stage,
            @QueryParam("venue") Venue venue,
            @QueryParam("clientId") UUID clientId,
            @QueryParam("caseworker") @Size(max = 100) String caseworker,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue(Paging.DEFAULT_SIZE) @Min(1) @Max(Paging.MAX_SIZE) int size) {
        PageResponse<Filing> found = service.list(stage, venue, clientId, caseworker, page, size);
        return new PageResponse<>(views.ofAll(found.items()), page, size, found.total());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getFiling", summary = "Read a filing")
    @APIResponse(
            responseCode = "200",
            description = "The filing",
            content = @Content(schema = @Schema(implementation = FilingResponse.class)))
    @APIResponse(responseCode = "404", description = "No such filing in your organization")
    public Response getFiling(@PathParam("id") UUID id) {
        FilingRepository.FilingForView read = service.read(id);
        return Response.ok(views.of(read.filing(), read.hasPrimaryId()))
                .tag(ETags.tag(read.filing().getVersion()))
                .build();
    }

    @GET
    @Path("/{id}/alerts")
    @Operation(
            operationId = "getFilingAlerts",
            summary = "The filing's alerts as of a day (default today), most urgent first")
    @APIResponse(
            responseCode = "200",
            description = "The alerts",
            content = @Content(schema = @Schema(implementation = FilingAlertsResponse.class)))
    @APIResponse(responseCode = "404", description = "No such filing in your organization")
    public FilingAlertsResponse getFilingAlerts(
            @PathParam("id") UUID id,
            @QueryParam("asOf")
                    @Parameter(
                            description = "YYYY-MM-DD; default today in the organization's time zone",
                            schema = @Schema(type = SchemaType.STRING, format = "date"))
                    String asOf) {
        Filing filing = service.get(id);
        LocalDate day = QueryDates.parseOr("asOf", asOf, views.today());
        return new FilingAlertsResponse(day, views.alerts(filing, day));
    }

    @PATCH
    @Path("/{id}")
    @Consumes({JsonMergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(
            operationId = "patchFiling",
            summary = "Change descriptive fields (JSON merge patch); venue and client stay")
    @RequestBody(
            content = {
                @Content(mediaType = JsonMergePatch.MEDIA_TYPE, schema = @Schema(implementation = FilingRequest.class)),
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FilingRequest.class))
            })
    @APIResponse(
            responseCode = "200",
            description = "The changed filing",
            content = @Content(schema = @Schema(implementation = FilingResponse.class)))
    @APIResponse(responseCode = "404", description = "No such filing in your organization")
    @APIResponse(responseCode = "409", description = "The externalRef belongs to another filing")
    @APIResponse(responseCode = "412", description = "If-Match names an old version")
    public Response patchFiling(
            @PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull JsonNode patch) {
        Filing filing = service.patch(
                id,
                current -> validation
                        .merge(FilingRequest.from(current), patch, FilingRequest.class)
                        .toDescription(),
                ifMatch);
        return Response.ok(views.of(filing)).tag(ETags.tag(filing.getVersion())).build();
    }

    @PUT
    @Path("/by-ref/{externalRef}")
    @Operation(operationId = "upsertFilingByRef", summary = "Open or replace a filing by the clinic system's id")
    @APIResponse(
            responseCode = "200",
            description = "Updated",
            content = @Content(schema = @Schema(implementation = FilingResponse.class)))
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = FilingResponse.class)))
    @APIResponse(responseCode = "404", description = "If-Match was given but no filing has this externalRef")
    @APIResponse(responseCode = "412", description = "If-Match names an old version")
    public Response upsertFilingByRef(
            @PathParam("externalRef") @Size(max = 100) String externalRef,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid FilingRequest request) {
        return service.upsert(externalRef, request.toDescription(), ifMatch)
                .response(filing -> URI.create("/api/v1/filings/" + filing.getId()), Filing::getVersion, views::of);
    }

    @POST
    @Idempotent
    @Path("/{id}/events")
    @Operation(operationId = "recordEvent", summary = "Record what happened; moves the filing through its stages")
    @APIResponse(
            responseCode = "201",
            description = "Recorded",
            content = @Content(schema = @Schema(implementation = RecordedEventResponse.class)))
    @APIResponse(responseCode = "404", description = "No such filing in your organization")
    @APIResponse(responseCode = "409", description = "The event is not allowed in the current stage; see allowedEvents")
    @APIResponse(responseCode = "412", description = "If-Match names an old version of the filing")
    @APIResponse(responseCode = "422", description = "Refused by a rule, e.g. ONLINE_RESCHEDULE_NOT_ALLOWED")
    public Response recordEvent(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid EventRequest request) {
        FilingService.Recorded recorded = service.recordEvent(id, request.toCommand(), ifMatch);
        FilingEvent event = recorded.event();
        return Response.created(URI.create("/api/v1/filings/" + id + "/events/" + event.getId()))
                .tag(ETags.tag(recorded.filing().getVersion()))
                .entity(new RecordedEventResponse(
                        EventResponse.from(event),
                        recorded.filing().getStage(),
                        views.of(recorded.filing(), recorded.hasPrimaryId())))
                .build();
    }

    @GET
    @Path("/{id}/events")
    @Operation(operationId = "listEvents", summary = "The filing's timeline, oldest first, retractions included")
    @APIResponse(
            responseCode = "200",
            description = "The timeline",
            content = @Content(schema = @Schema(implementation = EventPage.class)))
    @APIResponse(responseCode = "404", description = "No such filing in your organization")
    public PageResponse<EventResponse> listEvents(
            @PathParam("id") UUID id,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("200") @Min(1) @Max(Paging.MAX_SIZE) int size) {
        PageResponse<FilingEvent> timeline = service.timeline(id, page, size);
        return new PageResponse<>(
                timeline.items().stream().map(EventResponse::from).toList(), page, size, timeline.total());
    }

    @POST
    @Idempotent
    @Path("/{id}/events/{eventId}/retraction")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(
            operationId = "retractEvent",
            summary = "Retract the latest event; the filing returns to its state before it")
    @APIResponse(
            responseCode = "200",
            description = "The retracted event and the filing now",
            content = @Content(schema = @Schema(implementation = RecordedEventResponse.class)))
    @APIResponse(responseCode = "404", description = "No such filing or event in your organization")
    @APIResponse(responseCode = "409", description = "Not the latest event in effect, or already retracted")
    public Response retractEvent(@PathParam("id") UUID id, @PathParam("eventId") UUID eventId) {
        FilingService.Recorded recorded = service.retract(id, eventId);
        return Response.ok(new RecordedEventResponse(
                        EventResponse.from(recorded.event()),
                        recorded.filing().getStage(),
                        views.of(recorded.filing(), recorded.hasPrimaryId())))
                .tag(ETags.tag(recorded.filing().getVersion()))
                .build();
    }
}
