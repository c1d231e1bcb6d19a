package org.asylumcasetracker.calendar;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.asylumcasetracker.platform.persistence.AuditedEntity;

/**
 * A calendar feed: a secret URL a case worker gives to Outlook or Google Calendar, which poll it without a
 * token. Only the SHA-256 of the URL's token is kept; revoking the feed makes the URL answer 404 for good.
 */
@Entity
@Table(name = "calendar_feed")
public class CalendarFeed extends AuditedEntity {

    @Id
    private UUID id;

    @Column(name = "organization_id", nullable = false, updatable = false)
    private String organizationId;

    @Column(updatable = false)
    private String caseworker;

    @Column(name = "token_sha256", nullable = false, updatable = false)
    private String tokenSha256;

    @Column(name = "revoked_at")
    private OffsetDateTime revokedAt;

    protected CalendarFeed() {}

    public CalendarFeed(String organizationId, String caseworker, String tokenSha256) {
        this.id = UUID.randomUUID();
        this.organizationId = organizationId;
        this.caseworker = caseworker;
        this.tokenSha256 = tokenSha256;
    }

    public void revoke(OffsetDateTime at) {
        if (revokedAt == null) {
            revokedAt = at;
        }
    }

    public UUID getId() {
        return id;
    }

    public String getOrganizationId() {
        return organizationId;
    }

    /** The case worker whose clients the feed shows; null for the whole organization. */
    public String getCaseworker() {
        return caseworker;
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    @Override
    public String toString() {
        return "CalendarFeed[" + id + "]";
    }
}
