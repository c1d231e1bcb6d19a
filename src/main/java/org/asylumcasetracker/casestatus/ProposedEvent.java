package org.asylumcasetracker.casestatus;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.asylumcasetracker.filing.ContactChannel;
import org.asylumcasetracker.filing.DeliveredVia;
import org.asylumcasetracker.filing.EventType;
import org.asylumcasetracker.filing.Outcome;
import org.asylumcasetracker.filing.RescheduleVia;

/** The event an accepted suggestion records, with what the accepting case worker added to it. */
public record ProposedEvent(
        EventType type,
        LocalDate occurredOn,
        String receiptNumber,
        OffsetDateTime appointmentAt,
        String location,
        DeliveredVia deliveredVia,
        RescheduleVia via,
        OffsetDateTime requestedAt,
        String reason,
        Boolean stampedNoticeKept,
        ContactChannel channel,
        String note,
        Outcome outcome) {

    @Override
    public String toString() {
        return "ProposedEvent[" + type + "]";
    }
}
