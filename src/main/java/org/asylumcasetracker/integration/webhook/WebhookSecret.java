package org.asylumcasetracker.integration.webhook;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The shared secret of a subscription in the Standard Webhooks format: {@code whsec_} followed by the
 * base64 of the HMAC key (24 to 64 random bytes). The key, not the text, is what signs: receivers give the
 * whole {@code whsec_…} string to an official Standard Webhooks library, which strips the prefix and decodes
 * it (https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md, "Signature
 * scheme").
 */
public final class WebhookSecret {

    public static final String PREFIX = "whsec_";
    static final int MIN_KEY_BYTES = 24;
    static final int MAX_KEY_BYTES = 64;
    static final int GENERATED_KEY_BYTES = 32;
    /** The longest {@code whsec_} text a valid key gives. */
    public static final int MAX_LENGTH = 94; // "whsec_" and the padded base64 of 64 bytes

    public static final String FORMAT = "whsec_ followed by the base64 of 24 to 64 random bytes";

    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSecret() {}

    /** A new random secret: 32 bytes from a cryptographically strong generator. */
    public static String generate() {
        byte[] key = new byte[GENERATED_KEY_BYTES];
        RANDOM.nextBytes(key);
        return encode(key);
    }

    public static String encode(byte[] key) {
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** Whether {@code text} is a secret this service accepts from a client. */
    public static boolean isValid(String text) {
        try {
            decode(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The HMAC key of a {@code whsec_} secret; refuses other texts, bad base64 and keys of the wrong size. */
    public static byte[] decode(String text) {
        if (text == null || !text.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a whsec_ secret");
        }
        byte[] key = Base64.getDecoder().decode(text.substring(PREFIX.length()));
        if (key.length < MIN_KEY_BYTES || key.length > MAX_KEY_BYTES) {
            throw new IllegalArgumentException("the key must have 24 to 64 bytes");
        }
        return key;
    }
}
