package org.asylumcasetracker.filing.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.asylumcasetracker.filing.AddressForm;
import org.asylumcasetracker.filing.ContactChannel;
import org.asylumcasetracker.filing.DeliveredVia;
import org.asylumcasetracker.filing.EventDetails;
import org.asylumcasetracker.filing.EventType;
import org.asylumcasetracker.filing.FilingEvent;
import org.asylumcasetracker.filing.HearingKind;
import org.asylumcasetracker.filing.Outcome;
import org.asylumcasetracker.filing.RescheduleVia;
import org.asylumcasetracker.filing.Stage;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One timeline entry; fields that do not belong to its type are left out. */
@Schema(name = "Event")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventResponse(
        UUID id,
        UUID filingId,
        int sequence,
        EventType type,
        LocalDate occurredOn,
        String trackingNumber,
        String receiptNumber,
        OffsetDateTime appointmentAt,
        String location,
        DeliveredVia deliveredVia,
        RescheduleVia via,
        OffsetDateTime requestedAt,
        String reason,
        Boolean stampedNoticeKept,
        OffsetDateTime hearingAt,
        HearingKind kind,
        ContactChannel channel,
        String note,
        Outcome outcome,

        @Schema(description = "ADDRESS_CHANGE_REPORTED: the form sent")
        AddressForm form,

        @Schema(description = "ADDRESS_CHANGE_REPORTED: the person who moved")
        UUID clientId,

        @Schema(description = "FEE_NOTICE_RECEIVED, FEE_PAID: the amount in US dollars")
        BigDecimal amount,

        @Schema(description = "FEE_NOTICE_RECEIVED: the day the fee is due")
        LocalDate dueOn,

        Stage stageBefore,
        Stage stageAfter,
        String recordedBy,
        OffsetDateTime recordedAt,
        boolean retracted,
        String retractedBy,
        OffsetDateTime retractedAt) {

    public static EventResponse from(FilingEvent e) {
        EventDetails d = e.details();
        return new EventResponse(
                e.getId(),
                e.getFilingId(),
                e.getSequence(),
                e.getType(),
                e.getOccurredOn(),
                d.trackingNumber(),
                d.receiptNumber(),
                d.appointmentAt(),
                d.location(),
                d.deliveredVia(),
                d.via(),
                d.requestedAt(),
                d.reason(),
                d.stampedNoticeKept(),
                d.hearingAt(),
                d.kind(),
                d.channel(),
                d.note(),
                d.outcome(),
                d.addressForm(),
                d.addressClientId(),
                d.feeAmount(),
                d.feeDueOn(),
                e.getStageBefore(),
                e.getStageAfter(),
                e.getRecordedBy(),
                e.getRecordedAt(),
                e.isRetracted(),
                e.getRetractedBy(),
                e.getRetractedAt());
    }

    @Override
    public String toString() {
        return "EventResponse[" + id + " " + type + "]";
    }
}
