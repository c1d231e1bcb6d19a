package org.asylumcasetracker.integration.webhook;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookSigningException;
import java.util.List;
import java.util.StringJoiner;

/**
 * How a receiver knows a delivery comes from this service and was not altered or replayed: the
 * Standard Webhooks scheme (https://www.standardwebhooks.com/, spec/standard-webhooks.md), so any official
 * Standard Webhooks library (or Svix's) verifies it. Every POST carries three headers:
 * <ul>
 * <li>{@code webhook-id}: the delivery's id, the same on every retry (equal to the body's {@code id});
 * a receiver that has seen it already can answer 2xx and do nothing;</li>
 * <li>{@code webhook-timestamp}: when this attempt was signed, in seconds since the Unix epoch;</li>
 * <li>{@code webhook-signature}: {@code v1,} followed by the base64 HMAC-SHA256 of
 * {@code <webhook-id>.<webhook-timestamp>.<body>}, keyed with the base64-decoded {@code whsec_} secret.
 * During the grace period after a rotation it holds two such entries, separated by a space (new secret
 * first); a receiver accepts the delivery if any entry matches.</li>
 * </ul>
 * The signing is the official Java library's ({@code com.standardwebhooks:standardwebhooks}).
 */
public final class WebhookSignature {

    public static final String ID_HEADER = "webhook-id";
    public static final String TIMESTAMP_HEADER = "webhook-timestamp";
    public static final String SIGNATURE_HEADER = "webhook-signature";

    private WebhookSignature() {}

    /** The {@code webhook-signature} value: one {@code v1,…} entry per key, newest key first. */
    public static String sign(List<byte[]> keys, String id, long epochSeconds, String body) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("no key to sign with");
        }
        StringJoiner signatures = new StringJoiner(" ");
        for (byte[] key : keys) {
            try {
                signatures.add(new Webhook(key).sign(id, epochSeconds, body));
            } catch (WebhookSigningException e) {
                // the library only fails when the JDK lacks HmacSHA256, which every Java runtime has
                throw new IllegalStateException("HMAC-SHA256 is not available", e);
            }
        }
        return signatures.toString();
    }
}
