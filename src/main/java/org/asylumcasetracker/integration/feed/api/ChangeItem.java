package org.asylumcasetracker.integration.feed.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.asylumcasetracker.integration.feed.ChangeFeedService;
import org.asylumcasetracker.integration.feed.ChangeType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One change: what happened to which entity. Read the entity itself for its current state. */
@Schema(name = "Change")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChangeItem(
        @Schema(description = "Opaque; pass as `after` to continue after this item")
        String cursor,

        ChangeType type,
        @Schema(description = "CLIENT or FILING") String entityType,
        UUID entityId,

        @Schema(description = "The event recorded or retracted")
        UUID eventId,

        @Schema(description = "The entity's version after the change")
        Long version,

        @Schema(description = "Filings: the stage after the change")
        String stage,

        OffsetDateTime occurredAt,

        @Schema(description = "An event about one person on the application (recorded or retracted): the person")
        UUID clientId) {

    static ChangeItem from(ChangeFeedService.Change c) {
        return new ChangeItem(
                c.cursor().encode(),
                c.type(),
                c.entityType(),
                c.entityId(),
                c.eventId(),
                c.version(),
                c.stage(),
                c.occurredAt(),
                c.clientId());
    }
}
