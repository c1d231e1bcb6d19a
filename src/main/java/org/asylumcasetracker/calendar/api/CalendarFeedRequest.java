package org.asylumcasetracker.calendar.api;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new calendar feed. */
@Schema(name = "CalendarFeedInput")
public record CalendarFeedRequest(
        @Size(max = 100)
        @Schema(
                description = "Show this case worker's clients only. Case workers' feeds always show their own"
                        + " clients; a supervisor's feed without it shows the whole organization",
                example = "alice")
        String caseworker) {}
