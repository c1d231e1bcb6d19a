package org.asylumcasetracker.calendar.api;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.asylumcasetracker.calendar.CalendarFeed;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A calendar feed; its URL only in the answer that created it. */
@Schema(name = "CalendarFeed")
public record CalendarFeedResponse(
        UUID id,

        @Schema(
                description = "The secret address to subscribe to in a calendar app (no token needed). Only in the"
                        + " 201 answer: it is not stored and never shown again")
        URI url,

        @Schema(description = "Whose clients the feed shows; absent: the whole organization")
        String caseworker,

        OffsetDateTime createdAt,
        String createdBy) {

    public static CalendarFeedResponse from(CalendarFeed feed) {
        return created(feed, null);
    }

    public static CalendarFeedResponse created(CalendarFeed feed, URI url) {
        return new CalendarFeedResponse(
                feed.getId(), url, feed.getCaseworker(), feed.getCreatedAt(), feed.getCreatedBy());
    }

    @Override
    public String toString() {
        return "CalendarFeedResponse[" + id + "]";
    }
}
