package org.asylumcasetracker.casestatus.api;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.asylumcasetracker.casestatus.SuggestionAcceptance;
import org.asylumcasetracker.casestatus.SuggestionAcceptance.Resolution;
import org.asylumcasetracker.filing.DeliveredVia;
import org.asylumcasetracker.filing.RescheduleVia;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the case worker adds when accepting a suggestion: the fields the proposed event needs that USCIS's
 * status does not give (a biometrics notice's appointment and place), or another day than the suggested one.
 */
@Schema(name = "SuggestionAcceptance")
public record SuggestionAcceptanceRequest(
        @Schema(
                description =
                        "How to accept: RECORD_EVENT (default) records the proposed event; NOTICE_SENT_NOT_RECEIVED"
                                + " (biometrics notices only) logs that USCIS sent a notice that never arrived")
        Resolution resolution,

        @Schema(
                description = "Default: the day USCIS changed the case, or the day of the check",
                example = "2026-02-20")
        LocalDate occurredOn,

        @Schema(description = "BIOMETRICS_NOTICE_RECEIVED (required), with offset")
        OffsetDateTime appointmentAt,

        @Size(max = 300) @Schema(description = "BIOMETRICS_NOTICE_RECEIVED (required): the Application Support Center")
        String location,

        @Schema(description = "BIOMETRICS_NOTICE_RECEIVED") DeliveredVia deliveredVia,

        @Schema(description = "RESCHEDULE_REQUESTED (required)")
        RescheduleVia via,

        @Schema(description = "RESCHEDULE_REQUESTED") OffsetDateTime requestedAt,

        @Size(max = 2000) @Schema(description = "RESCHEDULE_REQUESTED")
        String reason,

        @Schema(description = "BIOMETRICS_COMPLETED") Boolean stampedNoticeKept,

        @Size(max = 4000) @Schema(description = "NOTICE_SENT_NOT_RECEIVED: what the client said")
        String note) {

    /** The domain's view of this acceptance. */
    public SuggestionAcceptance toAcceptance() {
        return new SuggestionAcceptance(
                resolution,
                occurredOn,
                appointmentAt,
                location,
                deliveredVia,
                via,
                requestedAt,
                reason,
                stampedNoticeKept,
                note);
    }

    @Override
    public String toString() {
        return "SuggestionAcceptanceRequest[" + resolution + "]";
    }
}
