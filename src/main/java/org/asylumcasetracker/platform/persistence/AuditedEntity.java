package org.asylumcasetracker.platform.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

/**
 * Who created and last changed a row, and when, plus the optimistic-lock version that clients see as
 * the {@code ETag}. Filled in by {@link AuditListener}, so no write can forget it.
 */
@MappedSuperclass
@EntityListeners(AuditListener.class)
public abstract class AuditedEntity {

    @Version
    @Column(nullable = false)
    protected long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    protected OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    protected String createdBy;

    @Column(name = "created_by_subject", updatable = false)
    protected String createdBySubject;

    @Column(name = "updated_at", nullable = false)
    protected OffsetDateTime updatedAt;

    @Column(name = "updated_by", nullable = false)
    protected String updatedBy;

    @Column(name = "updated_by_subject")
    protected String updatedBySubject;

    public long getVersion() {
        return version;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public OffsetDateTime getUpdatedAt() {
        return updatedAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    /** The creator's token subject, which stays the same when the person is renamed; none for the service's own writes. */
    public String getCreatedBySubject() {
        return createdBySubject;
    }

    public String getUpdatedBySubject() {
        return updatedBySubject;
    }

    void markCreated(String actor, String actorSubject, OffsetDateTime at) {
        createdAt = at;
        createdBy = actor;
        createdBySubject = actorSubject;
        markUpdated(actor, actorSubject, at);
    }

    void markUpdated(String actor, String actorSubject, OffsetDateTime at) {
        updatedAt = at;
        updatedBy = actor;
        updatedBySubject = actorSubject;
    }
}
