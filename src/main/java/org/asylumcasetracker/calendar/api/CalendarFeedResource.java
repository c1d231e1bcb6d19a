package org.asylumcasetracker.calendar.api;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.UUID;
import org.asylumcasetracker.calendar.CalendarConfig;
import org.asylumcasetracker.calendar.CalendarFeed;
import org.asylumcasetracker.calendar.CalendarFeedService;
import org.asylumcasetracker.platform.api.PageResponse;
import org.asylumcasetracker.platform.api.Paging;
import org.asylumcasetracker.platform.idempotency.Idempotent;
import org.asylumcasetracker.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "Calendar feeds",
        description = "Appointments and hearings in Outlook, Google Calendar or any iCalendar app")
public class CalendarFeedResource {

    static final String CALENDAR = "text/calendar";

    private final CalendarFeedService service;
    private final CalendarConfig config;

    @Inject
    public CalendarFeedResource(CalendarFeedService service, CalendarConfig config) {
        this.service = service;
        this.config = config;
    }

    @POST
    @Path("/calendar-feeds")
    @Idempotent
    @RolesAllowed({Roles.CASEWORKER, Roles.SUPERVISOR})
    @Operation(
            operationId = "createCalendarFeed",
            summary = "Make a secret calendar address (shown once) to subscribe to")
    @APIResponse(
            responseCode = "201",
            description = "Created; the answer holds the feed's URL",
            content = @Content(schema = @Schema(implementation = CalendarFeedResponse.class)))
    public Response createCalendarFeed(@NotNull @Valid CalendarFeedRequest request, @Context UriInfo uri) {
        CalendarFeedService.Created created = service.create(request.caseworker());
        URI base = config.publicBaseUrl().orElse(uri.getBaseUri());
        URI url = URI.create(base.toString().replaceAll("/+$", "") + "/api/v1/calendars/" + created.token() + ".ics");
        return Response.created(
                        URI.create("/api/v1/calendar-feeds/" + created.feed().getId()))
                .entity(CalendarFeedResponse.created(created.feed(), url))
                .build();
    }

    @GET
    @Path("/calendar-feeds")
    @RolesAllowed({Roles.CASEWORKER, Roles.SUPERVISOR})
    @Operation(
            operationId = "listCalendarFeeds",
            summary = "Feeds not revoked: a case worker's own, or all of the"
                    + " organization for a supervisor (never their URLs)")
    public PageResponse<CalendarFeedResponse> listCalendarFeeds(
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue(Paging.DEFAULT_SIZE) @Min(1) @Max(Paging.MAX_SIZE) int size) {
        PageResponse<CalendarFeed> found = service.list(page, size);
        return new PageResponse<>(
                found.items().stream().map(CalendarFeedResponse::from).toList(), page, size, found.total());
    }

    @DELETE
    @Path("/calendar-feeds/{id}")
    @RolesAllowed({Roles.CASEWORKER, Roles.SUPERVISOR})
    @Operation(operationId = "revokeCalendarFeed", summary = "Revoke a feed: its URL answers 404 from now on")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = "No such feed among those you may revoke")
    public Response revokeCalendarFeed(@PathParam("id") UUID id) {
        service.revoke(id);
        return Response.noContent().build();
    }

    @GET
    @Path("/calendars/{token}.ics")
    @PermitAll
    @SecurityRequirements
    @Produces({CALENDAR, MediaType.APPLICATION_JSON})
    @Operation(
            operationId = "getCalendar",
            summary = "The feed as iCalendar (RFC 5545); the URL is the secret, no token"
                    + " is needed. People appear by initials and filing id only",
            description = "Roles: none; anyone holding the URL may read it, so revoke a feed whose URL has leaked."
                    + " Send If-None-Match with the last ETag: an unchanged feed answers 304 without a body.")
    @APIResponse(
            responseCode = "200",
            description = "The calendar",
            content = @Content(mediaType = CALENDAR, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "304", description = "Unchanged since the version named in If-None-Match")
    @APIResponse(responseCode = "404", description = "No such feed, or it was revoked")
    public Response getCalendar(
            @PathParam("token") String token, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        CalendarFeedService.Served served = service.serve(token, ifNoneMatch);
        EntityTag tag = new EntityTag(served.etag().replace("\"", ""));
        if (served.calendar().isEmpty()) {
            return Response.notModified(tag).build();
        }
        return Response.ok(served.calendar().get(), CALENDAR + ";charset=utf-8")
                .tag(tag)
                .header(HttpHeaders.CACHE_CONTROL, "private, no-cache")
                .build();
    }
}
