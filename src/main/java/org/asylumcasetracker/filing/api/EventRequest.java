package org.asylumcasetracker.filing.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.asylumcasetracker.filing.ContactChannel;
import org.asylumcasetracker.filing.DeliveredVia;
import org.asylumcasetracker.filing.EventType;
import org.asylumcasetracker.filing.HearingKind;
import org.asylumcasetracker.filing.Outcome;
import org.asylumcasetracker.filing.RescheduleVia;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Something that happened to an application; which fields apply depends on {@code type} (see the state machine). */
@Schema(name = "EventInput")
public record EventRequest(
        @NotNull @Schema(example = "RECEIPT_RECEIVED") EventType type,
        @NotNull @Schema(description = "Not before filedOn, not after today", example = "2026-02-20") LocalDate occurredOn,
        @Size(max = 64) @Schema(description = "USCIS_PACKAGE_MAILED") String trackingNumber,
        @Size(max = 32) @Schema(description = "RECEIPT_RECEIVED (required): 3 letters + 10 digits", example = "IOE0912345678")
        String receiptNumber,
        @Schema(description = "BIOMETRICS_NOTICE_RECEIVED (required), with offset") OffsetDateTime appointmentAt,
        @Size(max = 300) @Schema(description = "BIOMETRICS_NOTICE_RECEIVED (required): the Application Support Center")
        String location,
        @Schema(description = "BIOMETRICS_NOTICE_RECEIVED") DeliveredVia deliveredVia,
        @Schema(description = "RESCHEDULE_REQUESTED (required)") RescheduleVia via,
        @Schema(description = "RESCHEDULE_REQUESTED; defaults to now") OffsetDateTime requestedAt,
        @Size(max = 2000) @Schema(description = "RESCHEDULE_REQUESTED") String reason,
        @Schema(description = "BIOMETRICS_COMPLETED") Boolean stampedNoticeKept,
        @Schema(description = "HEARING_SCHEDULED (required)") OffsetDateTime hearingAt,
        @Schema(description = "HEARING_SCHEDULED; defaults to MASTER_CALENDAR") HearingKind kind,
        @Schema(description = "CONTACT_LOGGED") ContactChannel channel,
        @Size(max = 4000) @Schema(description = "CONTACT_LOGGED") String note,
        @Schema(description = "CLOSED (required)") Outcome outcome) {

    @Override
    public String toString() {
        return "EventRequest[" + type + "]";
    }
}
