package org.asylumcasetracker.integration.webhook.api;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.asylumcasetracker.integration.webhook.DeliveryStatus;
import org.asylumcasetracker.integration.webhook.WebhookDelivery;
import org.asylumcasetracker.integration.webhook.WebhookEventType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One entry of a subscription's delivery log. */
@Schema(name = "WebhookDelivery")
public record DeliveryResponse(
        @Schema(description = "Also the payload's id and the Webhook-Id header")
        UUID id,

        WebhookEventType eventType,
        DeliveryStatus status,
        @Schema(description = "Attempts made so far") int attempts,

        @Schema(description = "The receiver's status code at the last attempt, if it answered")
        Integer lastStatusCode,

        @Schema(description = "Why the last attempt failed, in a few words")
        String lastError,

        OffsetDateTime createdAt,
        OffsetDateTime lastAttemptAt,

        @Schema(description = "When a PENDING delivery is tried next")
        OffsetDateTime nextAttemptAt,

        OffsetDateTime deliveredAt) {

    public static DeliveryResponse from(WebhookDelivery d) {
        return new DeliveryResponse(
                d.getId(),
                d.getEventType(),
                d.getStatus(),
                d.getAttempts(),
                d.getLastStatusCode(),
                d.getLastError(),
                d.getCreatedAt(),
                d.getLastAttemptAt(),
                d.getStatus() == DeliveryStatus.PENDING ? d.getNextAttemptAt() : null,
                d.getDeliveredAt());
    }
}
