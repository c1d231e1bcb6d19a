package org.asylumcasetracker.casestatus.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.asylumcasetracker.casestatus.ReceiptStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The USCIS case status of a filing's receipt numbers, as the service's checks found it. */
@Schema(name = "CaseStatus")
public record CaseStatusResponse(UUID filingId, List<Receipt> receipts) {

    /** One receipt number: its checks and every status USCIS reported for it, oldest first. */
    @Schema(name = "CaseStatusReceipt")
    public record Receipt(
            @Schema(example = "IOE0912345678") String receiptNumber,

            @Schema(description = "The person the receipt number belongs to")
            UUID clientId,

            OffsetDateTime lastCheckedAt,

            @Schema(
                    description =
                            "STATUS, RECEIPT_NOT_FOUND, RATE_LIMITED, UNAVAILABLE, REJECTED, MALFORMED_RESPONSE or"
                                    + " UNAUTHORIZED")
            String lastOutcome,

            @Schema(description = "Absent when the receipt number is no longer checked (the filing is closed)")
            OffsetDateTime nextCheckAt,

            @Schema(description = "The latest status USCIS reported")
            Status current,

            List<Status> history) {

        static Receipt from(ReceiptStatus r) {
            List<Status> history = r.history().stream().map(Status::from).toList();
            return new Receipt(
                    r.receiptNumber(),
                    r.clientId(),
                    r.lastCheckedAt(),
                    r.lastOutcome(),
                    r.nextCheckAt(),
                    history.isEmpty() ? null : history.get(history.size() - 1),
                    history);
        }
    }

    /** A status as USCIS wrote it. */
    @Schema(name = "CaseStatusEntry")
    public record Status(
            OffsetDateTime observedAt,

            @Schema(example = "Fingerprint Appointment Was Scheduled")
            String statusText,

            String statusDescription,
            @Schema(example = "I-589") String formType,

            @Schema(description = "The day USCIS changed the case, when it said")
            LocalDate modifiedOn) {

        static Status from(ReceiptStatus.Observation o) {
            return new Status(o.observedAt(), o.statusText(), o.statusDescription(), o.formType(), o.modifiedOn());
        }
    }

    public static CaseStatusResponse of(UUID filingId, List<ReceiptStatus> receipts) {
        return new CaseStatusResponse(
                filingId, receipts.stream().map(Receipt::from).toList());
    }
}
