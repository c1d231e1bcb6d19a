package org.asylumcasetracker.platform.persistence;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import org.asylumcasetracker.platform.security.Caller;

/** Stamps {@link AuditedEntity} rows with the caller's username and subject and the injected clock's time. */
public class AuditListener {

    @PrePersist
    void onCreate(AuditedEntity entity) {
        Caller caller = caller();
        entity.markCreated(
                caller == null ? Caller.SYSTEM : caller.username(), caller == null ? null : caller.subject(), now());
    }

    @PreUpdate
    void onUpdate(AuditedEntity entity) {
        Caller caller = caller();
        entity.markUpdated(
                caller == null ? Caller.SYSTEM : caller.username(), caller == null ? null : caller.subject(), now());
    }

    private static Caller caller() {
        ArcContainer container = Arc.container();
        return container.requestContext().isActive()
                ? container.instance(Caller.class).get()
                : null;
    }

    private static OffsetDateTime now() {
        // PostgreSQL keeps microseconds; truncating keeps responses equal to what a later read returns.
        return OffsetDateTime.now(Arc.container().instance(Clock.class).get()).truncatedTo(ChronoUnit.MICROS);
    }
}
