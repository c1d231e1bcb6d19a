package org.asylumcasetracker.integration.webhook;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.asylumcasetracker.filing.AlertCode;
import org.asylumcasetracker.filing.Severity;
import org.asylumcasetracker.filing.Stage;

/**
 * The JSON body of every delivery: an envelope whose {@code id} is the delivery's id (the same on every
 * retry, so a receiver can drop duplicates) and whose {@code data} depends on {@code type}. Payloads name
 * filings and clients by id only; a receiver reads whatever else it needs through the API.
 */
public record DeliveryPayload(
        UUID id, WebhookEventType type, OffsetDateTime occurredAt, String organizationId, Object data) {

    /**
     * {@code FILING_STAGE_CHANGED}: {@code stageBefore} and {@code eventId} are null (left out of the JSON) for a new
     * filing; {@code eventId} is the event recorded or retracted.
     */
    public record FilingStageChangedData(
            UUID filingId, UUID clientId, Stage stageBefore, Stage stageAfter, long version, UUID eventId) {}

    /**
     * {@code CLIENT_CHANGED}: {@code created} tells a new client from a change; {@code movedOn} is set when this
     * change gave the client a new mailing address (the day of the move).
     */
    public record ClientChangedData(UUID clientId, boolean created, long version, LocalDate movedOn) {}

    /** {@code ALERT_DUE}: an alert whose due day has arrived in the organization's time zone. */
    public record AlertDueData(UUID filingId, UUID clientId, AlertCode code, Severity severity, LocalDate dueOn) {}
}
