package org.asylumcasetracker.casestatus;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The data of a {@code CASE_STATUS_CHANGED} webhook: USCIS reported a status for a receipt number that
 * differs from the one before ({@code previousStatusText} absent on the first). {@code suggestionId} is
 * present when the status proposes an event for a case worker to confirm.
 */
public record CaseStatusChanged(
        UUID filingId,
        UUID clientId,
        String receiptNumber,
        String statusText,
        String previousStatusText,
        LocalDate modifiedOn,
        OffsetDateTime observedAt,
        UUID suggestionId,
        SuggestionKind suggestionKind) {

    @Override
    public String toString() {
        return "CaseStatusChanged[" + filingId + "]";
    }
}
