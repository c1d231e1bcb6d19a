package org.asylumcasetracker.integration.webhook.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.asylumcasetracker.integration.webhook.WebhookEventType;
import org.asylumcasetracker.integration.webhook.WebhookSubscription;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A subscription as the API shows it: with its secret only in the answer that generated it. */
@Schema(name = "Webhook")
public record WebhookResponse(
        UUID id,
        String url,
        List<WebhookEventType> events,
        OffsetDateTime createdAt,
        String createdBy,

        @Schema(
                description = "The generated secret (whsec_…), only in the 201 answer of a subscription created"
                        + " without one: keep it, it is never shown again",
                example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
        String secret,

        @Schema(description = "Until when the secret replaced by the last rotation still signs (a second signature)")
        OffsetDateTime previousSecretExpiresAt,

        @Schema(description = "Failed attempts in a row; a success resets it")
        int consecutiveFailures,

        @Schema(
                description = "While set and in the future, the receiver kept failing and its deliveries wait until"
                        + " then (the pause doubles with each further failure)")
        OffsetDateTime pausedUntil) {

    public static WebhookResponse from(WebhookSubscription s) {
        return created(s, null);
    }

    public static WebhookResponse created(WebhookSubscription s, String generatedSecret) {
        return new WebhookResponse(
                s.getId(),
                s.getUrl(),
                s.getEvents().stream().sorted().toList(),
                s.getCreatedAt(),
                s.getCreatedBy(),
                generatedSecret,
                s.getPreviousSecretExpiresAt(),
                s.getConsecutiveFailures(),
                s.getPausedUntil());
    }

    @Override
    public String toString() {
        return "WebhookResponse[" + id + "]";
    }
}
