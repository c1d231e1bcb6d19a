package org.asylumcasetracker.casestatus;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.asylumcasetracker.filing.EventType;
import org.asylumcasetracker.filing.Outcome;

/** A status change that proposes an event, as stored; see {@link CaseStatusRecorder}. */
public record Suggestion(
        UUID id,
        UUID filingId,
        UUID clientId,
        String receiptNumber,
        SuggestionKind kind,
        EventType eventType,
        Outcome outcome,
        LocalDate occurredOn,
        State state,
        String statusText,
        String statusDescription,
        OffsetDateTime observedAt,
        UUID eventId,
        String decidedBy,
        OffsetDateTime decidedAt,
        OffsetDateTime createdAt) {

    /** OPEN until a person accepts or dismisses it; SUPERSEDED when a later status replaced it first. */
    public enum State {
        OPEN,
        ACCEPTED,
        DISMISSED,
        SUPERSEDED
    }

    @Override
    public String toString() {
        return "Suggestion[" + id + " " + kind + " " + state + "]";
    }
}
