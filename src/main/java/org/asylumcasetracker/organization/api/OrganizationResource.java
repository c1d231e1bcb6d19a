package org.asylumcasetracker.organization.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.asylumcasetracker.organization.Organization;
import org.asylumcasetracker.organization.OrganizationService;
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

@Path("/api/v1/organizations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Organizations", description = "Tenants and their alert thresholds")
public class OrganizationResource {

    private final OrganizationService service;

    @Inject
    public OrganizationResource(OrganizationService service) {
        this.service = service;
    }

    @POST
    @Idempotent
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createOrganization", summary = "Create an organization (tenant)")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = OrganizationResponse.class)))
    @APIResponse(responseCode = "409", description = "The id is taken")
    public Response createOrganization(@NotNull @Valid CreateOrganizationRequest request) {
        Organization created = service.create(
                request.id(),
                request.name(),
                request.timeZone(),
                request.settings() == null ? null : request.settings().toSettings());
        return Response.created(URI.create("/api/v1/organizations/" + created.getId()))
                .tag(ETags.tag(created.getVersion()))
                .entity(OrganizationResponse.from(created))
                .build();
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "listOrganizations", summary = "List organizations")
    public PageResponse<OrganizationResponse> listOrganizations(
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue(Paging.DEFAULT_SIZE) @Min(1) @Max(Paging.MAX_SIZE) int size) {
        return new PageResponse<>(
                service.list(page, size).stream()
                        .map(OrganizationResponse::from)
                        .toList(),
                page,
                size,
                service.count());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.CASEWORKER, Roles.REPORTS, Roles.INTEGRATION})
    @Operation(operationId = "getOrganization", summary = "Read an organization (admins: any; others: their own)")
    @APIResponse(
            responseCode = "200",
            description = "The organization",
            content = @Content(schema = @Schema(implementation = OrganizationResponse.class)))
    @APIResponse(responseCode = "404", description = "No such organization, or another organization's")
    public Response getOrganization(@PathParam("id") String id) {
        Organization organization = service.visible(id);
        return Response.ok(OrganizationResponse.from(organization))
                .tag(ETags.tag(organization.getVersion()))
                .build();
    }

    @GET
    @Path("/{id}/settings")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    @Operation(operationId = "getOrganizationSettings", summary = "Read the alert thresholds")
    @APIResponse(
            responseCode = "200",
            description = "The settings",
            content = @Content(schema = @Schema(implementation = SettingsResponse.class)))
    @APIResponse(responseCode = "404", description = "No such organization, or another organization's")
    public Response getOrganizationSettings(@PathParam("id") String id) {
        Organization organization = service.visible(id);
        return Response.ok(SettingsResponse.from(organization.settings(), recomputation(organization)))
                .tag(ETags.tag(organization.getVersion()))
                .build();
    }

    @PUT
    @Path("/{id}/settings")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    @Operation(operationId = "replaceOrganizationSettings", summary = "Replace the alert thresholds")
    @APIResponse(
            responseCode = "200",
            description = "The settings now in force; `recomputation` says when the"
                    + " alerts and reports will follow them (they are recomputed in the background)",
            content = @Content(schema = @Schema(implementation = SettingsResponse.class)))
    @APIResponse(responseCode = "404", description = "No such organization, or another organization's")
    @APIResponse(responseCode = "412", description = "If-Match names an old version")
    public Response replaceOrganizationSettings(
            @PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid SettingsBody settings) {
        Organization organization = service.changeSettings(id, settings.toSettings(), ifMatch);
        return Response.ok(SettingsResponse.from(organization.settings(), recomputation(organization)))
                .tag(ETags.tag(organization.getVersion()))
                .build();
    }

    private RecomputationView recomputation(Organization organization) {
        return service.recomputation(organization.getId())
                .map(RecomputationView::from)
                .orElse(null);
    }
}
