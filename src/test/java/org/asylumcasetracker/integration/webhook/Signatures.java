package org.asylumcasetracker.integration.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import java.util.List;
import java.util.Map;

/**
 * Checks a received delivery the way a receiver does: with the official Standard Webhooks Java library
 * ({@code com.standardwebhooks.Webhook}), independently of the service's own signing code.
 */
final class Signatures {

    private Signatures() {}

    static void assertVerifies(WebhookReceiver.Received request, String secret) {
        assertVerifies(request, new Webhook(secret));
    }

    static void assertVerifies(WebhookReceiver.Received request, Webhook verifier) {
        try {
            verifier.verify(request.body(), headers(request.id(), request.timestamp(), request.signature()));
        } catch (WebhookVerificationException e) {
            fail("the official library refuses the delivery: " + e.getMessage() + " (signature " + request.signature()
                    + ")");
        }
        assertEquals(request.id(), request.json().getString("id"), "webhook-id is the payload's id");
    }

    /** What the official library says of a delivery: null when it verifies, else its reason to refuse. */
    static String refusal(String secret, String id, String timestamp, String signature, String body) {
        try {
            new Webhook(secret).verify(body, headers(id, timestamp, signature));
            return null;
        } catch (WebhookVerificationException e) {
            return e.getMessage();
        }
    }

    static Map<String, List<String>> headers(String id, String timestamp, String signature) {
        return Map.of(
                "webhook-id",
                List.of(id),
                "webhook-timestamp",
                List.of(timestamp),
                "webhook-signature",
                List.of(signature));
    }
}
