package org.asylumcasetracker.report;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.asylumcasetracker.organization.AlertRecomputations;
import org.asylumcasetracker.platform.BulkWork;
import org.asylumcasetracker.platform.JobThread;
import org.asylumcasetracker.platform.Pace;
import org.asylumcasetracker.platform.persistence.AcrossOrganizations;
import org.jboss.logging.Logger;

/**
 * Recomputes the alert windows of organizations whose settings changed, off the request threads: one
 * organization at a time per instance, never one organization on two instances (the queue's row locks and
 * claims), each batch of filings in a transaction of its own. This job works across organizations by design: it
 * takes whichever organization asked first.
 *
 * <p>Before each batch the job shows the queue it is alive; a recomputation whose job has been silent for {@link
 * #SILENT} is taken over by another instance, however long it has been running. When the instance stops, the job
 * finishes the batch at hand and gives the recomputation back, so that the next instance starts on it at once.
 */
@ApplicationScoped
public class AlertRecomputeJob {

    private static final Logger LOG = Logger.getLogger(AlertRecomputeJob.class);
    /** A RUNNING recomputation whose job has not shown it is alive this long lost its instance. A batch takes seconds. */
    static final Duration SILENT = Duration.ofMinutes(2);
    /** How long a stopping instance waits for the batch at hand before it stops anyway. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(20);

    /** How long recomputations rested between their batches ({@link ReportConfig#recomputeShare}). */
    public static final String REST_METRIC = "asylum.recompute.rests";

    private static final String SHARE_SETTING = "asylum.reports.recompute-share";

    private final AlertRecomputations queue;
    private final AlertWindowStore windows;
    private final double share;
    /** A recomputation shares the instance's budget for bulk work with CSV exports. */
    private final BulkWork bulkWork;

    private final Timer rests;
    private final ReentrantLock working = new ReentrantLock();
    /** The job works on a thread of its own: a recomputation takes minutes, and no request thread waits for it. */
    private final JobThread thread = new JobThread("alert-recompute");

    private volatile boolean stopping;

    @Inject
    public AlertRecomputeJob(
            AlertRecomputations queue,
            AlertWindowStore windows,
            ReportConfig config,
            BulkWork bulkWork,
            MeterRegistry registry) {
        this.queue = queue;
        this.windows = windows;
        this.bulkWork = bulkWork;
        this.share = Pace.checkShare(config.recomputeShare(), SHARE_SETTING);
        this.rests = Timer.builder(REST_METRIC)
                .description("Rests of alert recomputations between batches, to keep to their share of the time")
                .register(registry);
    }

    @Scheduled(
            identity = "alert-recompute",
            every = "${asylum.reports.recompute-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        thread.start(this::runPending); // skipped while a run is under way
    }

    /** Runs every recomputation that is waiting; returns how many it finished. */
    @AcrossOrganizations
    public int runPending() {
        return runPending(() -> stopping);
    }

    /**
     * Runs every recomputation that is waiting, asking {@code stop} before each batch; when it answers true, the
     * recomputation at hand is given back unfinished. Returns how many it finished.
     */
    @AcrossOrganizations
    public int runPending(BooleanSupplier stop) {
        working.lock();
        try {
            int ran = 0;
            Optional<AlertRecomputations.Claimed> next;
            while (!stop.getAsBoolean() && (next = queue.claimNext(SILENT)).isPresent()) {
                AlertRecomputations.Claimed claimed = next.get();
                long started = System.nanoTime();
                Optional<Integer> batches = recompute(claimed, stop);
                if (batches.isPresent()) {
                    queue.finish(claimed);
                    ran++;
                    LOG.infof(
                            "Recomputed the alert windows of organization %s after a settings change (%d batches, %d ms)",
                            claimed.organizationId(), batches.get(), (System.nanoTime() - started) / 1_000_000);
                }
            }
            return ran;
        } finally {
            working.unlock();
        }
    }

    /** The instance stops: the job gives back what it is working on after the batch at hand. */
    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        thread.stop(Duration.ZERO); // starts no more runs; the wait below is for the batch at hand
        try {
            if (working.tryLock(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                working.unlock();
            } else {
                LOG.warnf(
                        "The alert recomputation did not stop within %d s; another instance takes it over after %d"
                                + " minutes of silence",
                        STOP_WAIT.toSeconds(), SILENT.toMinutes());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The organization's filings, then its clients, batch by batch: how many filing batches, or empty if stopped. */
    private Optional<Integer> recompute(AlertRecomputations.Claimed claimed, BooleanSupplier stop) {
        String organization = claimed.organizationId();
        try (Pace pace = bulkWork.start(share, SHARE_SETTING, rests)) {
            Optional<Integer> filingBatches =
                    inBatches(claimed, stop, pace, after -> windows.recomputeBatch(organization, after));
            if (filingBatches.isEmpty()) {
                return filingBatches;
            }
            return inBatches(claimed, stop, pace, after -> windows.recomputeClientBatch(organization, after))
                    .map(clientBatches -> filingBatches.get());
        }
    }

    /**
     * Runs {@code batch} from the start until it returns empty, unless told to stop or the claim was lost, resting
     * after each batch that did some work as {@code pace} says.
     */
    private Optional<Integer> inBatches(
            AlertRecomputations.Claimed claimed,
            BooleanSupplier stop,
            Pace pace,
            Function<UUID, Optional<UUID>> batch) {
        int batches = 0;
        Optional<UUID> last = Optional.empty();
        do {
            if (!carryOn(claimed, stop)) {
                return Optional.empty();
            }
            last = batch.apply(last.orElse(null));
            if (last.isPresent()) {
                batches++;
                pace.stepDone();
            }
        } while (last.isPresent());
        return Optional.of(batches);
    }

    private boolean carryOn(AlertRecomputations.Claimed claimed, BooleanSupplier stop) {
        if (stop.getAsBoolean()) {
            queue.release(claimed);
            LOG.infof(
                    "Stopped recomputing the alert windows of organization %s with the instance; the next job starts"
                            + " it again",
                    claimed.organizationId());
            return false;
        }
        if (!queue.alive(claimed)) {
            LOG.warnf(
                    "The recomputation of organization %s was taken over by another instance after %d minutes of"
                            + " silence; this one stops",
                    claimed.organizationId(), SILENT.toMinutes());
            return false;
        }
        return true;
    }
}
