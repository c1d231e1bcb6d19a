package org.asylumcasetracker.filing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The type-specific fields of an event; each event type uses a few of them, the rest stay null.
 */
public record EventDetails(
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
        AddressForm addressForm,
        UUID addressClientId,
        BigDecimal feeAmount,
        LocalDate feeDueOn) {

    public static final EventDetails NONE =
            new EventDetails(null, null, null, null, null, null, null, null, null, null, null, null, null, null);

    /** The details of an event that reports no change of address. */
    @SuppressWarnings("java:S107")
    public EventDetails(
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
            Outcome outcome) {
        this(
                trackingNumber,
                receiptNumber,
                appointmentAt,
                location,
                deliveredVia,
                via,
                requestedAt,
                reason,
                stampedNoticeKept,
                hearingAt,
                kind,
                channel,
                note,
                outcome,
                null,
                null,
                null,
                null);
    }

    /** An address change reported on {@code form} for the person {@code clientId}. */
    public static EventDetails addressReported(AddressForm form, UUID clientId) {
        return new EventDetails(
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, form, clientId,
                null, null);
    }

    /** A fee asked for (with the day it is due) or paid ({@code dueOn} null). */
    public static EventDetails fee(BigDecimal amount, LocalDate dueOn) {
        return new EventDetails(
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, amount,
                dueOn);
    }

    @Override
    public String toString() {
        // notes and reasons can hold personal details
        return "EventDetails[redacted]";
    }
}
