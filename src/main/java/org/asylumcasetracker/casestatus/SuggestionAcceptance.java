package org.asylumcasetracker.casestatus;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.asylumcasetracker.filing.DeliveredVia;
import org.asylumcasetracker.filing.RescheduleVia;

/**
 * What the case worker adds when accepting a suggestion: the fields the proposed event needs that USCIS's status
 * does not give (a biometrics notice's appointment and place), or another day than the suggested one.
 */
public record SuggestionAcceptance(
        Resolution resolution,
        LocalDate occurredOn,
        OffsetDateTime appointmentAt,
        String location,
        DeliveredVia deliveredVia,
        RescheduleVia via,
        OffsetDateTime requestedAt,
        String reason,
        Boolean stampedNoticeKept,
        String note) {

    /** How a suggestion is accepted. */
    public enum Resolution {
        /** Record the event the suggestion proposes (the default). */
        RECORD_EVENT,
        /** Biometrics notices only: USCIS sent a notice that never arrived; log that instead. */
        NOTICE_SENT_NOT_RECEIVED
    }

    public static SuggestionAcceptance empty() {
        return new SuggestionAcceptance(null, null, null, null, null, null, null, null, null, null);
    }

    @Override
    public String toString() {
        return "SuggestionAcceptance[" + resolution + "]"; // a note or reason can hold personal details
    }
}
