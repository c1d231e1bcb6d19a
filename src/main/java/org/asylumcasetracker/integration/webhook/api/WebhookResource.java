package org.asylumcasetracker.integration.webhook.api;

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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.asylumcasetracker.integration.webhook.WebhookDelivery;
import org.asylumcasetracker.integration.webhook.WebhookService;
import org.asylumcasetracker.integration.webhook.WebhookSubscription;
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

@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SUPERVISOR, Roles.INTEGRATION})
@Tag(name = "Webhooks", description = "Signed HTTP notifications of stage changes, due alerts and client changes")
public class WebhookResource {

    private final WebhookService service;

    @Inject
    public WebhookResource(WebhookService service) {
        this.service = service;
    }

    @POST
    @Idempotent
    @Operation(operationId = "createWebhook", summary = "Subscribe a URL to events of your organization")
    @APIResponse(
            responseCode = "201",
            description = "Subscribed; with the secret when it was generated",
            content = @Content(schema = @Schema(implementation = WebhookResponse.class)))
    public Response createWebhook(@NotNull @Valid WebhookRequest request) {
        WebhookService.Subscribed subscribed = service.subscribe(request.url(), request.secret(), request.events());
        WebhookSubscription subscription = subscribed.subscription();
        return Response.created(URI.create("/api/v1/webhooks/" + subscription.getId()))
                .tag(ETags.tag(subscription.getVersion()))
                .entity(WebhookResponse.created(subscription, subscribed.generatedSecret()))
                .build();
    }

    @POST
    @Path("/{id}/secret-rotation")
    @Consumes(MediaType.WILDCARD)
    @Operation(
            operationId = "rotateWebhookSecret",
            summary = "Replace the secret; the previous one keeps signing" + " (a second signature) for a grace period")
    @APIResponse(
            responseCode = "200",
            description = "The new secret, shown this once",
            content = @Content(schema = @Schema(implementation = SecretRotationResponse.class)))
    @APIResponse(responseCode = "404", description = "No such subscription in your organization")
    public SecretRotationResponse rotateWebhookSecret(@PathParam("id") UUID id) {
        WebhookService.Rotated rotated = service.rotateSecret(id);
        return new SecretRotationResponse(rotated.id(), rotated.secret(), rotated.previousSecretExpiresAt());
    }

    @GET
    @Operation(operationId = "listWebhooks", summary = "The organization's subscriptions, oldest first")
    public PageResponse<WebhookResponse> listWebhooks(
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue(Paging.DEFAULT_SIZE) @Min(1) @Max(Paging.MAX_SIZE) int size) {
        PageResponse<WebhookSubscription> found = service.list(page, size);
        return new PageResponse<>(
                found.items().stream().map(WebhookResponse::from).toList(), page, size, found.total());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getWebhook", summary = "Read a subscription")
    @APIResponse(
            responseCode = "200",
            description = "The subscription",
            content = @Content(schema = @Schema(implementation = WebhookResponse.class)))
    @APIResponse(responseCode = "404", description = "No such subscription in your organization")
    public Response getWebhook(@PathParam("id") UUID id) {
        WebhookSubscription subscription = service.get(id);
        return Response.ok(WebhookResponse.from(subscription))
                .tag(ETags.tag(subscription.getVersion()))
                .build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteWebhook", summary = "Unsubscribe; deliveries not yet sent are cancelled")
    @APIResponse(responseCode = "204", description = "Unsubscribed")
    @APIResponse(responseCode = "404", description = "No such subscription in your organization")
    public Response deleteWebhook(@PathParam("id") UUID id) {
        service.unsubscribe(id);
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "The subscription's delivery log, newest first")
    @APIResponse(responseCode = "200", description = "One page of the log")
    @APIResponse(responseCode = "404", description = "No such subscription in your organization")
    public PageResponse<DeliveryResponse> listWebhookDeliveries(
            @PathParam("id") UUID id,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue(Paging.DEFAULT_SIZE) @Min(1) @Max(Paging.MAX_SIZE) int size) {
        PageResponse<WebhookDelivery> found = service.deliveries(id, page, size);
        return new PageResponse<>(
                found.items().stream().map(DeliveryResponse::from).toList(), page, size, found.total());
    }
}
