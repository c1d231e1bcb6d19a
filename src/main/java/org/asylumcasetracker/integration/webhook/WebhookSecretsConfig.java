package org.asylumcasetracker.integration.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How subscription secrets are kept. They are HMAC keys the receiver holds too, so they cannot be hashed;
 * they are encrypted at rest (AES-256-GCM) with a key from the environment. Each ciphertext is stored with the
 * id of the key that sealed it: to change keys, make the new one {@code key}, move the old one to
 * {@code old-keys}, restart; every start re-encrypts what older keys sealed, after which the old key can go.
 */
@ConfigMapping(prefix = "asylum.webhooks.secrets")
public interface WebhookSecretsConfig {

    /**
     * The key that seals new secrets, as {@code <key id>:<base64 of 32 bytes>}, e.g. {@code 2026-11:q83v…}.
     * Without it, subscriptions cannot be created or rotated (the service answers 503), and secrets still
     * stored in plain text from before encryption stay as they are.
     */
    Optional<String> key();

    /** Keys that sealed earlier secrets, same format, comma-separated: read, never used to seal. */
    Optional<List<String>> oldKeys();

    /** How long the previous secret keeps signing (a second signature) after a rotation. */
    @WithDefault("24h")
    Duration rotationGrace();
}
