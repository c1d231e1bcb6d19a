package org.asylumcasetracker.platform.idempotency;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * How an idempotency record keeps what a replay needs without personal data in clear. A first response
 * (a created client, with name and A-Number) must come back byte for byte on a retry for a day, so it is
 * kept, but sealed: AES-256-GCM under a key derived from the caller's {@code Idempotency-Key}, which is
 * itself never stored. The row is found by a SHA-256 of organization, caller (token subject) and key, and
 * the request is compared by an HMAC keyed the same way. Someone who reads the table (a backup, a support
 * query) learns status, Location and ETag, never a body or request; only the caller holding the key can
 * open it. Keys with little randomness weaken this: clients should send random keys (UUIDs), as the IETF
 * draft "The Idempotency-Key HTTP Header Field" advises.
 *
 * <p>Why not keep only the created resource's id and read it again on replay: the resource may have changed
 * since, and the replay must answer what the first request answered.
 */
public final class IdempotencySeal {

    private static final String RECORD = "asylum-case-tracker idempotency record v1";
    private static final String BODY = "asylum-case-tracker idempotency body v1";
    private static final String REQUEST = "asylum-case-tracker idempotency request v1";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String recordKey;
    private final byte[] bodyKey;
    private final byte[] requestKey;

    /** The seal of one caller's use of one key in one organization. */
    public IdempotencySeal(String organization, String subject, String idempotencyKey) {
        this.recordKey = HexFormat.of().formatHex(derive(RECORD, organization, subject, idempotencyKey));
        this.bodyKey = derive(BODY, organization, subject, idempotencyKey);
        this.requestKey = derive(REQUEST, organization, subject, idempotencyKey);
    }

    /** What the row is stored under: 64 hex digits, the same for every retry of this caller with this key. */
    public String recordKey() {
        return recordKey;
    }

    /** A MAC over the operation and its canonical parameters, to tell a retry from another request. */
    Mac requestMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(requestKey, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }

    String seal(String body) {
        if (body == null) {
            return null;
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, iv);
            byte[] sealed = cipher.doFinal(body.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder()
                    .encodeToString(ByteBuffer.allocate(IV_BYTES + sealed.length)
                            .put(iv)
                            .put(sealed)
                            .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    /** The body sealed by {@link #seal}; fails if it was sealed for another caller or key, or altered. */
    String open(String sealed) {
        if (sealed == null) {
            return null;
        }
        byte[] bytes = Base64.getDecoder().decode(sealed);
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(bytes, IV_BYTES));
            return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A stored idempotent response does not open with its key", e);
        }
    }

    private Cipher cipher(int mode, byte[] iv) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(bodyKey, "AES"), new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(recordKey.getBytes(StandardCharsets.US_ASCII));
        return cipher;
    }

    private static byte[] derive(String purpose, String organization, String subject, String idempotencyKey) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {purpose, organization, subject, idempotencyKey}) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array()); // length-prefixed: no ambiguity
                digest.update(bytes);
            }
            return digest.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
