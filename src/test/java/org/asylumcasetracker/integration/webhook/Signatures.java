package org.asylumcasetracker.integration.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Checks a received delivery the way the README tells a receiver to, independently of the service's code. */
final class Signatures {

    private Signatures() {
    }

    static void assertVerifies(WebhookReceiver.Received request, String secret) {
        assertEquals("sha256=" + hmacHex(secret, request.timestamp() + "." + request.body()), request.signature(),
                "the signature is the HMAC-SHA256 of <timestamp>.<body> with the subscription's secret");
        long age = Instant.now().getEpochSecond() - Long.parseLong(request.timestamp());
        assertTrue(Math.abs(age) < 300, "the timestamp is the time of sending, in Unix seconds: " + request.timestamp());
        assertEquals(request.id(), request.json().getString("id"), "Webhook-Id is the payload's id");
    }

    static String hmacHex(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
