package org.asylumcasetracker.platform.persistence;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import org.asylumcasetracker.platform.security.Caller;

/** Stamps {@link AuditedEntity} rows with the caller's username and the injected clock's time. */
public class AuditListener {

    @PrePersist
    void onCreate(AuditedEntity entity) {
        entity.markCreated(actor(), now());
    }

    @PreUpdate
    void onUpdate(AuditedEntity entity) {
        entity.markUpdated(actor(), now());
    }

    private static String actor() {
        ArcContainer container = Arc.container();
        if (container.requestContext().isActive()) {
            return container.instance(Caller.class).get().username();
        }
        return Caller.SYSTEM;
    }

    private static OffsetDateTime now() {
        // PostgreSQL keeps microseconds; truncating keeps responses equal to what a later read returns.
        return OffsetDateTime.now(Arc.container().instance(Clock.class).get()).truncatedTo(ChronoUnit.MICROS);
    }
}
