package org.asylumcasetracker.integration.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a receiver knows a delivery comes from this service and was not altered or replayed. Every POST
 * carries three headers:
 * <ul>
 * <li>{@code Webhook-Id}: the delivery's id, the same on every retry (equal to the body's {@code id});
 * a receiver that has seen it already can answer 2xx and do nothing;</li>
 * <li>{@code Webhook-Timestamp}: when this attempt was signed, in seconds since the Unix epoch;</li>
 * <li>{@code Webhook-Signature}: {@code sha256=} followed by the lowercase hex HMAC-SHA256 of
 * {@code <Webhook-Timestamp>.<body>} (the timestamp, a full stop, then the raw request body bytes exactly as
 * received), keyed with the subscription's secret as UTF-8 bytes.</li>
 * </ul>
 * To verify: recompute the HMAC over the raw body (before any JSON parsing), compare it with the header in
 * constant time, and refuse timestamps more than a few minutes away from the receiver's clock. Any answer
 * other than 2xx (redirects included) counts as a failed attempt and is retried.
 */
public final class WebhookSignature {

    public static final String ID_HEADER = "Webhook-Id";
    public static final String TIMESTAMP_HEADER = "Webhook-Timestamp";
    public static final String SIGNATURE_HEADER = "Webhook-Signature";
    public static final String SCHEME = "sha256=";

    private static final String ALGORITHM = "HmacSHA256";

    private WebhookSignature() {
    }

    /** The {@code Webhook-Signature} header value for a body sent at {@code epochSeconds}. */
    public static String sign(String secret, long epochSeconds, String body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            byte[] digest = mac.doFinal((epochSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return SCHEME + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            // every Java runtime has HmacSHA256, and any non-empty key is valid for it
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
