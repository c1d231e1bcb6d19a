package org.asylumcasetracker.integration.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts and decrypts subscription secrets with AES-256-GCM (NIST SP 800-38D) using the JDK's provider.
 * Each ciphertext is a fresh 12-byte nonce followed by the encrypted key and the 16-byte tag, bound to its
 * subscription's id as associated data: a ciphertext copied to another row does not decrypt.
 */
@ApplicationScoped
public class SecretVault {

    /** A sealed secret and the id of the key that sealed it. */
    public record Sealed(String keyId, String ciphertext) {

        @Override
        public String toString() {
            return "Sealed[" + keyId + "]";
        }
    }

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int KEY_BYTES = 32;

    private final SecureRandom random = new SecureRandom();
    private final Optional<String> currentKeyId;
    private final Map<String, SecretKey> keys = new LinkedHashMap<>();

    @Inject
    public SecretVault(WebhookSecretsConfig config) {
        config.oldKeys().orElse(List.of()).stream().filter(k -> !k.isBlank()).forEach(k -> add(k, "old-keys"));
        currentKeyId = config.key().filter(k -> !k.isBlank()).map(k -> add(k, "key"));
    }

    /** Whether a key to seal new secrets is configured. */
    public boolean canSeal() {
        return currentKeyId.isPresent();
    }

    public Optional<String> currentKeyId() {
        return currentKeyId;
    }

    public Sealed seal(byte[] secret, UUID subscriptionId) {
        String keyId = currentKeyId.orElseThrow(() -> new IllegalStateException("no key to seal webhook secrets"));
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(keyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(subscriptionId));
            byte[] encrypted = cipher.doFinal(secret);
            byte[] out = new byte[NONCE_BYTES + encrypted.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(encrypted, 0, out, NONCE_BYTES, encrypted.length);
            return new Sealed(keyId, Base64.getEncoder().encodeToString(out));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM sealing failed", e);
        }
    }

    /** The secret; fails when its key is not configured or the ciphertext was altered or moved. */
    public byte[] open(Sealed sealed, UUID subscriptionId) {
        SecretKey key = keys.get(sealed.keyId());
        if (key == null) {
            throw new IllegalStateException("webhook secret key '" + sealed.keyId() + "' is not configured");
        }
        byte[] in = Base64.getDecoder().decode(sealed.ciphertext());
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData(subscriptionId));
            return cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a webhook secret did not decrypt with key '" + sealed.keyId() + "'", e);
        }
    }

    private String add(String entry, String setting) {
        int colon = entry.indexOf(':');
        String id = colon > 0 ? entry.substring(0, colon).trim() : "";
        byte[] material;
        try {
            material = Base64.getDecoder().decode(entry.substring(colon + 1).trim());
        } catch (IllegalArgumentException e) {
            material = new byte[0];
        }
        // the message never quotes the value: it is a secret
        if (id.isEmpty() || id.length() > 40 || material.length != KEY_BYTES) {
            throw new IllegalArgumentException("asylum.webhooks.secrets." + setting
                    + ": each key must be <key id>:<base64 of 32 random bytes> (key id up to 40 characters)");
        }
        keys.put(id, new SecretKeySpec(material, "AES"));
        return id;
    }

    private static byte[] associatedData(UUID subscriptionId) {
        return subscriptionId.toString().getBytes(StandardCharsets.UTF_8);
    }
}
