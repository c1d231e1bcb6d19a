package org.asylumcasetracker.integration.webhook.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.asylumcasetracker.integration.webhook.WebhookEventType;
import org.asylumcasetracker.integration.webhook.WebhookSubscription;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A subscription as the API shows it: never with its secret. */
@Schema(name = "Webhook")
public record WebhookResponse(UUID id, String url, List<WebhookEventType> events, OffsetDateTime createdAt,
        String createdBy,
        @Schema(description = "Failed attempts in a row; a success resets it") int consecutiveFailures,
        @Schema(description = "While set and in the future, the receiver kept failing and its deliveries wait until"
                + " then (the pause doubles with each further failure)") OffsetDateTime pausedUntil) {

    public static WebhookResponse from(WebhookSubscription s) {
        return new WebhookResponse(s.getId(), s.getUrl(), s.getEvents().stream().sorted().toList(), s.getCreatedAt(),
                s.getCreatedBy(), s.getConsecutiveFailures(), s.getPausedUntil());
    }
}
