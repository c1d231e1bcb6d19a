package org.asylumcasetracker.integration.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The HMAC keys a delivery of a subscription is signed with: its secret, and during the grace period after
 * a rotation also the previous one (expiry by the database clock, the one all instances share). A secret still
 * in plain text from before encryption signs with its UTF-8 bytes, as it always did; its Standard Webhooks
 * form is {@code whsec_} + the base64 of those bytes.
 */
@ApplicationScoped
public class SigningKeys {

    private final EntityManager em;
    private final SecretVault vault;

    @Inject
    public SigningKeys(EntityManager em, SecretVault vault) {
        this.em = em;
        this.vault = vault;
    }

    /** Newest first; empty if the subscription is gone. */
    @Transactional
    public List<byte[]> of(UUID subscriptionId) {
        List<?> rows =
                em.createNativeQuery("""
                select secret, secret_key_id, secret_ciphertext, previous_secret_key_id, previous_secret_ciphertext,
                    coalesce(previous_secret_expires_at > now(), false)
                from webhook_subscription where id = :id""").setParameter("id", subscriptionId).getResultList();
        List<byte[]> keys = new ArrayList<>(2);
        for (Object row : rows) {
            Object[] c = (Object[]) row;
            if (c[2] != null) {
                keys.add(vault.open(new SecretVault.Sealed((String) c[1], (String) c[2]), subscriptionId));
            } else if (c[0] != null) {
                keys.add(((String) c[0]).getBytes(StandardCharsets.UTF_8));
            }
            if (Boolean.TRUE.equals(c[5]) && c[4] != null) {
                keys.add(vault.open(new SecretVault.Sealed((String) c[3], (String) c[4]), subscriptionId));
            }
        }
        return keys;
    }
}
