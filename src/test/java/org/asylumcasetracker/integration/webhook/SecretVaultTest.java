package org.asylumcasetracker.integration.webhook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Encryption of webhook secrets at rest, and changing the key that does it. */
class SecretVaultTest {

    private static final String KEY_A = "a:"
            + Base64.getEncoder()
                    .encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    private static final String KEY_B = "b:"
            + Base64.getEncoder()
                    .encodeToString("fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII));
    private static final byte[] SECRET = WebhookSecret.decode(WebhookSecret.generate());
    private static final UUID SUBSCRIPTION = UUID.randomUUID();

    @Test
    void sealsWithAFreshNonceAndOpensWhatItSealed() {
        SecretVault vault = vault(KEY_A);
        SecretVault.Sealed first = vault.seal(SECRET, SUBSCRIPTION);
        SecretVault.Sealed second = vault.seal(SECRET, SUBSCRIPTION);
        assertEquals("a", first.keyId());
        assertNotEquals(first.ciphertext(), second.ciphertext(), "a fresh nonce each time");
        assertArrayEquals(SECRET, vault.open(first, SUBSCRIPTION));
        assertFalse(first.toString().contains(first.ciphertext()));
    }

    @Test
    void aCiphertextAlteredOrMovedToAnotherSubscriptionDoesNotOpen() {
        SecretVault vault = vault(KEY_A);
        SecretVault.Sealed sealed = vault.seal(SECRET, SUBSCRIPTION);
        byte[] bytes = Base64.getDecoder().decode(sealed.ciphertext());
        bytes[bytes.length - 1] ^= 1;
        SecretVault.Sealed altered =
                new SecretVault.Sealed("a", Base64.getEncoder().encodeToString(bytes));
        assertThrows(IllegalStateException.class, () -> vault.open(altered, SUBSCRIPTION));
        assertThrows(IllegalStateException.class, () -> vault.open(sealed, UUID.randomUUID()));
    }

    @Test
    void afterAKeyChangeOldCiphertextsOpenWithTheOldKeyAndNewOnesUseTheNewKey() {
        SecretVault.Sealed underA = vault(KEY_A).seal(SECRET, SUBSCRIPTION);
        SecretVault rotated = new SecretVault(config(KEY_B, List.of(KEY_A)));
        assertArrayEquals(SECRET, rotated.open(underA, SUBSCRIPTION));
        assertEquals("b", rotated.seal(SECRET, SUBSCRIPTION).keyId());
        IllegalStateException unknown =
                assertThrows(IllegalStateException.class, () -> vault(KEY_B).open(underA, SUBSCRIPTION));
        assertTrue(unknown.getMessage().contains("'a' is not configured"), unknown.getMessage());
    }

    @Test
    void withoutAKeyNothingIsSealedAndABadKeyStopsTheStartWithoutQuotingIt() {
        assertFalse(new SecretVault(config(null, List.of())).canSeal());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> vault("k:dG9vLXNob3J0"));
        assertFalse(bad.getMessage().contains("dG9vLXNob3J0"), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> vault(KEY_A.substring(2)));
    }

    @Test
    void secretsAreWhsecWithTwentyFourToSixtyFourBytes() {
        String generated = WebhookSecret.generate();
        assertTrue(generated.startsWith("whsec_"));
        assertEquals(32, WebhookSecret.decode(generated).length);
        assertTrue(WebhookSecret.isValid(WebhookSecret.encode(new byte[24])));
        assertTrue(WebhookSecret.isValid(WebhookSecret.encode(new byte[64])));
        assertFalse(WebhookSecret.isValid(WebhookSecret.encode(new byte[23])));
        assertFalse(WebhookSecret.isValid(WebhookSecret.encode(new byte[65])));
        assertFalse(WebhookSecret.isValid("whsec_***"));
        assertFalse(WebhookSecret.isValid(Base64.getEncoder().encodeToString(new byte[32])));
        assertTrue(WebhookSecret.encode(new byte[64]).length() <= WebhookSecret.MAX_LENGTH);
    }

    private static SecretVault vault(String key) {
        return new SecretVault(config(key, List.of()));
    }

    private static WebhookSecretsConfig config(String key, List<String> oldKeys) {
        return new WebhookSecretsConfig() {
            @Override
            public Optional<String> key() {
                return Optional.ofNullable(key);
            }

            @Override
            public Optional<List<String>> oldKeys() {
                return Optional.of(oldKeys);
            }

            @Override
            public Duration rotationGrace() {
                return Duration.ofHours(24);
            }
        };
    }
}
