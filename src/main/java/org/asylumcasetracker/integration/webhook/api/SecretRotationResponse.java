package org.asylumcasetracker.integration.webhook.api;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to a rotation: the new secret, shown this once. */
@Schema(name = "WebhookSecretRotation")
public record SecretRotationResponse(
        @Schema(description = "The subscription") UUID id,

        @Schema(
                description = "The new secret (whsec_…): keep it, it is never shown again",
                example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
        String secret,

        @Schema(description = "Until then deliveries carry a second signature made with the previous secret")
        OffsetDateTime previousSecretExpiresAt) {

    @Override
    public String toString() {
        return "SecretRotationResponse[" + id + "]";
    }
}
