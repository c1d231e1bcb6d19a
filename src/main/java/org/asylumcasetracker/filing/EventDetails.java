package org.asylumcasetracker.filing;

import java.time.OffsetDateTime;

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
        Outcome outcome) {

    public static final EventDetails NONE =
            new EventDetails(null, null, null, null, null, null, null, null, null, null, null, null, null, null);

    @Override
    public String toString() {
        // notes and reasons can hold personal details
        return "EventDetails[redacted]";
    }
}
