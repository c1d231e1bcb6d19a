package org.asylumcasetracker.client.api;

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
import java.util.UUID;
import org.asylumcasetracker.client.Client;
import org.asylumcasetracker.client.ClientService;
import org.asylumcasetracker.platform.api.ETags;
import org.asylumcasetracker.platform.api.JsonMergePatch;
import org.asylumcasetracker.platform.api.PageResponse;
import org.asylumcasetracker.platform.api.Paging;
import org.asylumcasetracker.platform.idempotency.Idempotent;
import org.asylumcasetracker.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/clients")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CASEWORKER, Roles.SUPERVISOR, Roles.INTEGRATION})
@Tag(name = "Clients", description = "People the organization helps")
public class ClientResource {

    private final ClientService service;

    @Inject
    public ClientResource(ClientService service) {
        this.service = service;
    }

    @POST
    @Idempotent
    @Operation(operationId = "createClient", summary = "Create a client")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = ClientResponse.class)))
    @APIResponse(responseCode = "409", description = "The externalRef belongs to another client")
    public Response createClient(@NotNull @Valid ClientRequest request) {
        Client client = service.create(request);
        return Response.created(URI.create("/api/v1/clients/" + client.getId()))
                .tag(ETags.tag(client.getVersion()))
                .entity(ClientResponse.from(client))
                .build();
    }

    @GET
    @Operation(
            operationId = "listClients",
            summary = "Find clients by name, externalRef or A-Number, or by case worker")
    public PageResponse<ClientResponse> listClients(
            @QueryParam("q") @Size(max = 100) @Parameter(description = "Part of a name, an externalRef or an A-Number")
                    String q,
            @QueryParam("caseworker") @Size(max = 100) String caseworker,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue(Paging.DEFAULT_SIZE) @Min(1) @Max(Paging.MAX_SIZE) int size) {
        PageResponse<Client> found = service.list(q, caseworker, page, size);
        return new PageResponse<>(
                found.items().stream().map(ClientResponse::from).toList(), page, size, found.total());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getClient", summary = "Read a client")
    @APIResponse(
            responseCode = "200",
            description = "The client",
            content = @Content(schema = @Schema(implementation = ClientResponse.class)))
    @APIResponse(responseCode = "404", description = "No such client in your organization")
    public Response getClient(@PathParam("id") UUID id) {
        Client client = service.get(id);
        return Response.ok(ClientResponse.from(client))
                .tag(ETags.tag(client.getVersion()))
                .build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes({JsonMergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(operationId = "patchClient", summary = "Change some fields (JSON merge patch; null clears a field)")
    @RequestBody(
            content = {
                @Content(mediaType = JsonMergePatch.MEDIA_TYPE, schema = @Schema(implementation = ClientRequest.class)),
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClientRequest.class))
            })
    @APIResponse(
            responseCode = "200",
            description = "The changed client",
            content = @Content(schema = @Schema(implementation = ClientResponse.class)))
    @APIResponse(responseCode = "404", description = "No such client in your organization")
    @APIResponse(responseCode = "409", description = "The externalRef belongs to another client")
    @APIResponse(responseCode = "412", description = "If-Match names an old version")
    public Response patchClient(
            @PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull JsonNode patch) {
        Client client = service.patch(id, patch, ifMatch);
        return Response.ok(ClientResponse.from(client))
                .tag(ETags.tag(client.getVersion()))
                .build();
    }

    @PUT
    @Path("/by-ref/{externalRef}")
    @Operation(operationId = "upsertClientByRef", summary = "Create or replace a client by the clinic system's id")
    @APIResponse(
            responseCode = "200",
            description = "Updated",
            content = @Content(schema = @Schema(implementation = ClientResponse.class)))
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = ClientResponse.class)))
    @APIResponse(responseCode = "404", description = "If-Match was given but no client has this externalRef")
    @APIResponse(responseCode = "412", description = "If-Match names an old version")
    public Response upsertClientByRef(
            @PathParam("externalRef") @Size(max = 100) String externalRef,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid ClientRequest request) {
        return service.upsert(externalRef, request, ifMatch)
                .response(
                        client -> URI.create("/api/v1/clients/" + client.getId()),
                        Client::getVersion,
                        ClientResponse::from);
    }
}
