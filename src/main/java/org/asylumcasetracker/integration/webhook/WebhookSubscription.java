package org.asylumcasetracker.integration.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.asylumcasetracker.platform.persistence.AuditedEntity;

/**
 * An organization's request to be told about some kinds of change, by an HTTP POST to its URL signed
 * with its secret. Deleting a subscription only deactivates it, so that its delivery log stays.
 * The secret is kept sealed ({@link SecretVault}) and leaves the service only as a signature, and once in
 * the answer that created or rotated it; {@link #toString()} shows the id only. After a rotation the
 * previous secret signs too until {@code previousSecretExpiresAt}.
 */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription extends AuditedEntity {

    @Id
    private UUID id;

    @Column(name = "organization_id", nullable = false, updatable = false)
    private String organizationId;

    @Column(nullable = false, updatable = false)
    private String url;

    @Column(name = "secret_key_id")
    private String secretKeyId;

    @Column(name = "secret_ciphertext")
    private String secretCiphertext;

    @Column(name = "previous_secret_key_id")
    private String previousSecretKeyId;

    @Column(name = "previous_secret_ciphertext")
    private String previousSecretCiphertext;

    @Column(name = "previous_secret_expires_at")
    private OffsetDateTime previousSecretExpiresAt;

    @Convert(converter = EventTypesConverter.class)
    @Column(nullable = false, updatable = false)
    private Set<WebhookEventType> events = EnumSet.noneOf(WebhookEventType.class);

    @Column(nullable = false)
    private boolean active;

    /** Kept by the delivery queue's own updates (the circuit breaker), never written through the entity. */
    @Column(name = "consecutive_failures", insertable = false, updatable = false)
    private int consecutiveFailures;

    @Column(name = "paused_until", insertable = false, updatable = false)
    private OffsetDateTime pausedUntil;

    protected WebhookSubscription() {}

    /** A new subscription; its secret is sealed for its id, so {@link #useSecret} follows at once. */
    public WebhookSubscription(String organizationId, String url, Set<WebhookEventType> events) {
        if (events.isEmpty()) {
            throw new IllegalArgumentException("A subscription needs at least one event type");
        }
        this.id = UUID.randomUUID();
        this.organizationId = organizationId;
        this.url = url;
        this.events = EnumSet.copyOf(events);
        this.active = true;
    }

    public boolean subscribesTo(WebhookEventType type) {
        return active && events.contains(type);
    }

    /** The first secret. */
    public void useSecret(SecretVault.Sealed sealed) {
        this.secretKeyId = sealed.keyId();
        this.secretCiphertext = sealed.ciphertext();
    }

    /** A new secret; the one it replaces keeps signing alongside it until {@code previousValidUntil}. */
    public void rotateSecret(SecretVault.Sealed sealed, OffsetDateTime previousValidUntil) {
        this.previousSecretKeyId = secretKeyId;
        this.previousSecretCiphertext = secretCiphertext;
        this.previousSecretExpiresAt = previousValidUntil;
        useSecret(sealed);
    }

    public OffsetDateTime getPreviousSecretExpiresAt() {
        return previousSecretExpiresAt;
    }

    public void deactivate() {
        active = false;
    }

    public UUID getId() {
        return id;
    }

    public String getOrganizationId() {
        return organizationId;
    }

    public String getUrl() {
        return url;
    }

    public Set<WebhookEventType> getEvents() {
        return EnumSet.copyOf(events);
    }

    public boolean isActive() {
        return active;
    }

    public int getConsecutiveFailures() {
        return consecutiveFailures;
    }

    public OffsetDateTime getPausedUntil() {
        return pausedUntil;
    }

    @Override
    public String toString() {
        return "WebhookSubscription[" + id + "]";
    }
}
