package org.asylumcasetracker.platform.idempotency;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.asylumcasetracker.platform.persistence.AcrossOrganizations;

/** Forgets idempotency keys past their time; any instance may do it, doing it twice is harmless. */
@ApplicationScoped
public class IdempotencyPurge {

    private final IdempotencyStore store;
    private final Clock clock;

    @Inject
    public IdempotencyPurge(IdempotencyStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @AcrossOrganizations
    @Transactional
    void purge() {
        store.purgeExpired(OffsetDateTime.now(clock));
    }
}
