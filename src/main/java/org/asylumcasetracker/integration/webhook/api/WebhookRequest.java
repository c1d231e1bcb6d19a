package org.asylumcasetracker.integration.webhook.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.asylumcasetracker.integration.webhook.WebhookEventType;
import org.asylumcasetracker.integration.webhook.WebhookSecret;
import org.asylumcasetracker.integration.webhook.WebhookUrlPolicy;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new subscription. The URL rules beyond length are {@link WebhookUrlPolicy}'s. */
@Schema(name = "WebhookInput")
public record WebhookRequest(
        @NotBlank
        @Size(max = WebhookUrlPolicy.MAX_LENGTH)
        @Schema(
                description = "Where deliveries are POSTed: http or https, no user name or password in it",
                example = "https://crm.example.org/hooks/asylum-case-tracker")
        String url,

        @Size(max = WebhookSecret.MAX_LENGTH)
        @Pattern(regexp = "whsec_[A-Za-z0-9+/]+={0,2}", message = "must be " + WebhookSecret.FORMAT)
        @Schema(
                description = "The Standard Webhooks secret that signs deliveries: " + WebhookSecret.FORMAT
                        + ". Leave it out to have one generated and returned once in the answer.",
                writeOnly = true,
                example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
        String secret,

        @NotEmpty @Size(max = 3) @Schema(description = "What to be told about")
        Set<@NotNull WebhookEventType> events) {

    @Override
    public String toString() {
        return "WebhookRequest[redacted]";
    }
}
