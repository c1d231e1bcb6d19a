package org.asylumcasetracker.integration.webhook;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.asylumcasetracker.platform.persistence.AcrossOrganizations;
import org.hibernate.query.NativeQuery;
import org.jboss.logging.Logger;

/**
 * The start-up step that keeps every stored secret sealed with the current key: it encrypts secrets still in
 * plain text (stored before encryption existed; their HMAC key stays their UTF-8 bytes, so receivers notice
 * nothing) and re-encrypts those sealed by an old key. It runs in small batches, each row locked with
 * {@code SKIP LOCKED}, so several instances starting together share the work and a failure leaves the rest
 * for the next start. It is a start-up step rather than a Flyway migration because it needs the key, which
 * only the running application has.
 */
@ApplicationScoped
public class WebhookSecretSealing {

    private static final Logger LOG = Logger.getLogger(WebhookSecretSealing.class);
    private static final int BATCH = 100;

    private final EntityManager em;
    private final SecretVault vault;

    @Inject
    public WebhookSecretSealing(EntityManager em, SecretVault vault) {
        this.em = em;
        this.vault = vault;
    }

    @AcrossOrganizations
    void onStart(@Observes @Priority(10) StartupEvent event) {
        int sealed = sealAll();
        if (sealed > 0) {
            LOG.infof(
                    "Encrypted %d webhook secrets with key '%s'",
                    sealed, vault.currentKeyId().orElseThrow());
        }
        if (!vault.canSeal()) {
            long plain = QuarkusTransaction.requiringNew()
                    .call(() -> ((Number) em.createNativeQuery(
                                            "select count(*) from webhook_subscription where secret is not null")
                                    .getSingleResult())
                            .longValue());
            LOG.warnf(
                    "No webhook secrets key (ASYLUM_WEBHOOKS_SECRETS_KEY): webhooks cannot be created or rotated;"
                            + " %d stored secrets remain unencrypted",
                    plain);
        }
    }

    /** Seals or re-seals every secret not sealed by the current key; returns how many it changed. */
    @AcrossOrganizations
    public int sealAll() {
        if (!vault.canSeal()) {
            return 0;
        }
        String current = vault.currentKeyId().orElseThrow();
        int total = 0;
        int done;
        do {
            done = QuarkusTransaction.requiringNew().call(() -> sealBatch(current));
            total += done;
        } while (done == BATCH);
        return total;
    }

    private int sealBatch(String current) {
        List<?> rows = em.createNativeQuery("""
                select id, secret, secret_key_id, secret_ciphertext, previous_secret_key_id, previous_secret_ciphertext
                from webhook_subscription
                where secret is not null or secret_key_id <> :current or previous_secret_key_id <> :current
                order by id limit :batch for update skip locked""")
                .setParameter("current", current)
                .setParameter("batch", BATCH)
                .getResultList();
        for (Object row : rows) {
            Object[] c = (Object[]) row;
            UUID id = (UUID) c[0];
            SecretVault.Sealed secret = c[1] != null
                    ? vault.seal(((String) c[1]).getBytes(StandardCharsets.UTF_8), id)
                    : reseal((String) c[2], (String) c[3], id);
            SecretVault.Sealed previous = c[5] == null ? null : reseal((String) c[4], (String) c[5], id);
            em.createNativeQuery("""
                    update webhook_subscription set secret = null, secret_key_id = :keyId, secret_ciphertext = :ciphertext,
                        previous_secret_key_id = :previousKeyId, previous_secret_ciphertext = :previousCiphertext
                    where id = :id""")
                    .unwrap(NativeQuery.class)
                    .setParameter("keyId", secret.keyId(), String.class)
                    .setParameter("ciphertext", secret.ciphertext(), String.class)
                    .setParameter("previousKeyId", previous == null ? null : previous.keyId(), String.class)
                    .setParameter("previousCiphertext", previous == null ? null : previous.ciphertext(), String.class)
                    .setParameter("id", id)
                    .executeUpdate();
        }
        return rows.size();
    }

    private SecretVault.Sealed reseal(String keyId, String ciphertext, UUID id) {
        return vault.seal(vault.open(new SecretVault.Sealed(keyId, ciphertext), id), id);
    }
}
