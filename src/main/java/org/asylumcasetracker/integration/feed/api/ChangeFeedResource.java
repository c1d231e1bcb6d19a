package org.asylumcasetracker.integration.feed.api;

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
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.asylumcasetracker.integration.feed.ChangeCursor;
import org.asylumcasetracker.integration.feed.ChangeFeedService;
import org.asylumcasetracker.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/changes")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.INTEGRATION, Roles.SUPERVISOR})
@Tag(name = "Change feed", description = "Every change of the organization, in order, for mirrors in clinic systems")
public class ChangeFeedResource {

    private final ChangeFeedService service;

    @Inject
    public ChangeFeedResource(ChangeFeedService service) {
        this.service = service;
    }

    @GET
    @Operation(
            operationId = "listChanges",
            summary = "Changes after a cursor, oldest first; poll with `next`",
            description =
                    "No change is skipped or repeated across pages, also while writes continue. Changes are kept"
                            + " for a retention period (ASYLUM_FEED_RETENTION, 90 days by default); a cursor older than that is 410.")
    @APIResponse(
            responseCode = "200",
            description = "One page of changes and the cursor to continue from",
            content = @Content(schema = @Schema(implementation = ChangePage.class)))
    @APIResponse(
            responseCode = "410",
            description = "The cursor is older than the retention period: read from the start",
            content = @Content(mediaType = "application/problem+json"))
    public ChangePage listChanges(
            @QueryParam("after")
                    @Size(max = 100)
                    @Parameter(description = "A cursor from an earlier page; none: from the start")
                    String after,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        ChangeCursor cursor = ChangeCursor.decode(after);
        List<ChangeItem> items =
                service.after(cursor, limit).stream().map(ChangeItem::from).toList();
        String next =
                items.isEmpty() ? cursor.encode() : items.get(items.size() - 1).cursor();
        return new ChangePage(items, next);
    }
}
