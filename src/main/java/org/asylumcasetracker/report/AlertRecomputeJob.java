package org.asylumcasetracker.report;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.asylumcasetracker.organization.AlertRecomputations;
import org.asylumcasetracker.platform.persistence.AcrossOrganizations;
import org.jboss.logging.Logger;

/**
 * Recomputes the alert windows of organizations whose settings changed, off the request threads: one
 * organization at a time per instance, never one organization on two instances (the queue's row locks),
 * each batch of filings in a transaction of its own. This job works across organizations by design: it
 * takes whichever organization asked first.
 */
@ApplicationScoped
public class AlertRecomputeJob {

    private static final Logger LOG = Logger.getLogger(AlertRecomputeJob.class);
    /** A RUNNING recomputation silent this long lost its instance; another takes it over. */
    private static final Duration STALE = Duration.ofMinutes(10);

    private final AlertRecomputations queue;
    private final AlertWindowStore windows;

    @Inject
    public AlertRecomputeJob(AlertRecomputations queue, AlertWindowStore windows) {
        this.queue = queue;
        this.windows = windows;
    }

    @Scheduled(
            identity = "alert-recompute",
            every = "${asylum.reports.recompute-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        runPending();
    }

    /** Runs every recomputation that is waiting; returns how many ran. */
    @AcrossOrganizations
    public int runPending() {
        int ran = 0;
        Optional<AlertRecomputations.Claimed> next;
        while ((next = queue.claimNext(STALE)).isPresent()) {
            AlertRecomputations.Claimed claimed = next.get();
            long started = System.nanoTime();
            int batches = 0;
            Optional<UUID> last = Optional.empty();
            do {
                last = windows.recomputeBatch(claimed.organizationId(), last.orElse(null));
                batches++;
            } while (last.isPresent());
            Optional<UUID> lastClient = Optional.empty();
            do {
                lastClient = windows.recomputeClientBatch(claimed.organizationId(), lastClient.orElse(null));
            } while (lastClient.isPresent());
            queue.finish(claimed);
            ran++;
            LOG.infof(
                    "Recomputed the alert windows of organization %s after a settings change (%d batches, %d ms)",
                    claimed.organizationId(), batches - 1, (System.nanoTime() - started) / 1_000_000);
        }
        return ran;
    }
}
