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
 * The secret never leaves the service except as a signature, so {@link #toString()} shows the id only.
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

    @Column(nullable = false, updatable = false)
    private String secret;

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

    protected WebhookSubscription() {
    }

    public WebhookSubscription(String organizationId, String url, String secret, Set<WebhookEventType> events) {
        if (events.isEmpty()) {
            throw new IllegalArgumentException("A subscription needs at least one event type");
        }
        this.id = UUID.randomUUID();
        this.organizationId = organizationId;
        this.url = url;
        this.secret = secret;
        this.events = EnumSet.copyOf(events);
        this.active = true;
    }

    public boolean subscribesTo(WebhookEventType type) {
        return active && events.contains(type);
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

    public String getSecret() {
        return secret;
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
