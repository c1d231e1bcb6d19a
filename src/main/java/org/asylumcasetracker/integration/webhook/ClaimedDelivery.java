package org.asylumcasetracker.integration.webhook;

import java.util.UUID;

/**
 * A delivery one dispatcher has claimed for one attempt, with what it needs to send it. {@code attempts}
 * is the count when claimed; recording the outcome checks it, so a late outcome cannot overwrite a newer one.
 */
public record ClaimedDelivery(
        UUID id, UUID subscriptionId, String url, WebhookEventType eventType, String payload, int attempts) {

    @Override
    public String toString() {
        // the url stays out of logs: receivers sometimes put tokens into their URLs
        return "ClaimedDelivery[" + id + ", subscription " + subscriptionId + ", attempt " + (attempts + 1) + "]";
    }
}
