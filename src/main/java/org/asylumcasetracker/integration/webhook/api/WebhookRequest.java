package org.asylumcasetracker.integration.webhook.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.asylumcasetracker.integration.webhook.WebhookEventType;
import org.asylumcasetracker.integration.webhook.WebhookUrlPolicy;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new subscription. The URL rules beyond length are {@link WebhookUrlPolicy}'s. */
@Schema(name = "WebhookInput")
public record WebhookRequest(
        @NotBlank @Size(max = WebhookUrlPolicy.MAX_LENGTH)
        @Schema(description = "Where deliveries are POSTed: http or https, no user name or password in it",
                example = "https://crm.example.org/hooks/asylum-case-tracker")
        String url,
        @NotBlank @Size(min = 16, max = 200)
        @Schema(description = "Key of the HMAC-SHA256 signature in the Webhook-Signature header; never shown again",
                writeOnly = true, example = "f3b1c9d2e8a74b6c9d0e1f2a3b4c5d6e")
        String secret,
        @NotEmpty @Size(max = 3)
        @Schema(description = "What to be told about")
        Set<@NotNull WebhookEventType> events) {

    @Override
    public String toString() {
        return "WebhookRequest[redacted]";
    }
}
