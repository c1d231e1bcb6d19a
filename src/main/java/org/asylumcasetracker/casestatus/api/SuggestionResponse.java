package org.asylumcasetracker.casestatus.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.asylumcasetracker.casestatus.Suggestion;
import org.asylumcasetracker.casestatus.SuggestionKind;
import org.asylumcasetracker.filing.EventType;
import org.asylumcasetracker.filing.Outcome;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A USCIS status change that proposes an event; it is recorded only when a case worker accepts it. */
@Schema(name = "Suggestion")
public record SuggestionResponse(
        UUID id,
        UUID filingId,
        UUID clientId,
        String receiptNumber,
        SuggestionKind kind,

        @Schema(description = "The status as USCIS wrote it")
        String statusText,

        String statusDescription,
        OffsetDateTime observedAt,

        @Schema(description = "The event that accepting records")
        ProposedEventResponse proposedEvent,

        Suggestion.State state,

        @Schema(description = "The event recorded on acceptance")
        UUID eventId,

        String decidedBy,
        OffsetDateTime decidedAt,
        OffsetDateTime createdAt) {

    /** The proposed event: its type, its day, and the outcome for CLOSED. */
    @Schema(name = "ProposedEvent")
    public record ProposedEventResponse(EventType type, LocalDate occurredOn, Outcome outcome) {}

    public static SuggestionResponse from(Suggestion s) {
        return new SuggestionResponse(
                s.id(),
                s.filingId(),
                s.clientId(),
                s.receiptNumber(),
                s.kind(),
                s.statusText(),
                s.statusDescription(),
                s.observedAt(),
                new ProposedEventResponse(s.eventType(), s.occurredOn(), s.outcome()),
                s.state(),
                s.eventId(),
                s.decidedBy(),
                s.decidedAt(),
                s.createdAt());
    }

    @Override
    public String toString() {
        return "SuggestionResponse[" + id + " " + state + "]";
    }
}
