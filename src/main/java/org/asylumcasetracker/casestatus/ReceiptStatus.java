package org.asylumcasetracker.casestatus;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * What the service knows of one receipt number: when it was last checked and with what outcome, when it
 * is checked next (absent when it is no longer checked), and every status USCIS reported, oldest first.
 */
public record ReceiptStatus(
        String receiptNumber,
        UUID clientId,
        OffsetDateTime lastCheckedAt,
        String lastOutcome,
        OffsetDateTime nextCheckAt,
        List<Observation> history) {

    /** A status as USCIS reported it, texts unchanged. */
    public record Observation(
            OffsetDateTime observedAt,
            String statusText,
            String statusDescription,
            String formType,
            LocalDate modifiedOn) {}

    @Override
    public String toString() {
        return "ReceiptStatus[" + history.size() + " statuses]";
    }
}
