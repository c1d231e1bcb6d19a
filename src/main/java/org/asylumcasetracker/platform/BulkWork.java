package org.asylumcasetracker.platform;

import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * The instance's bulk work (CSV exports, alert recomputations) shares one budget of time ({@link
 * BulkWorkConfig#share}): each piece works at most its own share, and at most the budget divided among the pieces
 * running at once. One clinic's exports and a recomputation running together then take no more of the cores than
 * either alone, and ordinary requests keep the rest. The shares are read again at the end of each step, so a piece
 * that starts or ends changes the others' rests from their next step on.
 */
@ApplicationScoped
public class BulkWork {

    private final double budget;
    private final AtomicInteger running = new AtomicInteger();

    @Inject
    public BulkWork(BulkWorkConfig config) {
        this(config.share());
    }

    BulkWork(double budget) {
        if (!(budget > 0)) {
            throw new IllegalArgumentException("asylum.bulk-work.share must be more than 0, not " + budget);
        }
        this.budget = budget;
    }

    /**
     * A piece of bulk work starts: its pace, which rests the calling thread and records each rest in {@code rests}.
     * {@code share} is the piece's own share, {@code setting} its name. Close the pace when the work ends, however
     * it ends.
     */
    public Pace start(double share, String setting, Timer rests) {
        return start(share, setting, System::nanoTime, Pace.sleeper(rests));
    }

    /** As {@link #start(double, String, Timer)}, on a clock and a sleeper of the caller's. */
    Pace start(double share, String setting, LongSupplier nanoClock, Pace.Sleeper sleeper) {
        double own = Pace.checkShare(share, setting);
        running.incrementAndGet();
        return new Pace(() -> shareOf(own), nanoClock, sleeper, running::decrementAndGet);
    }

    /** How many pieces of bulk work are running. */
    public int running() {
        return running.get();
    }

    private double shareOf(double own) {
        return Math.min(own, budget / Math.max(1, running.get()));
    }
}
