package org.asylumcasetracker.organization.api;

import java.time.OffsetDateTime;
import org.asylumcasetracker.organization.AlertRecomputations;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** When the alerts reflect the settings: their recomputation after the last change, run in the background. */
@Schema(name = "AlertRecomputation", readOnly = true)
public record RecomputationView(
        @Schema(
                description = "PENDING (waiting for its turn), RUNNING, or DONE: the alerts and reports follow"
                        + " the settings",
                enumeration = {"PENDING", "RUNNING", "DONE"})
        String status,

        @Schema(description = "When the last settings change asked for it")
        OffsetDateTime requestedAt,

        @Schema(description = "When it was done") OffsetDateTime finishedAt) {

    static RecomputationView from(AlertRecomputations.Status status) {
        return new RecomputationView(status.status(), status.requestedAt(), status.finishedAt());
    }
}
