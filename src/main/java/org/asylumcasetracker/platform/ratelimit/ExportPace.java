package org.asylumcasetracker.platform.ratelimit;

import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Keeps a CSV export to a share of the time while it streams, so that a clinic's exports leave the cores to
 * everyone's ordinary requests: after every {@value #ROWS_PER_STEP} rows the export rests for as long as those rows
 * took, times (1 - share) / share. A step's time includes the database's work for its rows, so a slower machine
 * or a busier one makes the export rest longer. With a share of 1 it never rests. A single rest lasts at most
 * {@value #MAX_REST_MILLIS} ms, so that a pause of the whole process (a collection, a stall) does not stall the
 * export for long after.
 */
final class ExportPace {

    static final int ROWS_PER_STEP = 200;
    static final long MAX_REST_MILLIS = 1_000;

    /** Rests the calling thread; a test's sleeper records the rests instead. */
    interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    private final double restPerWork;
    private final LongSupplier nanoClock;
    private final Sleeper sleeper;
    private long rows;
    private long stepStarted;

    ExportPace(double share, LongSupplier nanoClock, Sleeper sleeper) {
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException(
                    "asylum.rate-limit.export-share must be more than 0 and at most 1, not " + share);
        }
        this.restPerWork = (1 - share) / share;
        this.nanoClock = nanoClock;
        this.sleeper = sleeper;
        this.stepStarted = nanoClock.getAsLong();
    }

    /** A pace that rests the calling thread and records each rest in {@code rests}. */
    static ExportPace of(double share, Timer rests) {
        return new ExportPace(share, System::nanoTime, nanos -> {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
            rests.record(nanos, TimeUnit.NANOSECONDS);
        });
    }

    /** Counts one row written; at the end of a step, rests in proportion to the step's work. */
    void rowWritten() {
        if (restPerWork == 0 || ++rows % ROWS_PER_STEP != 0) {
            return;
        }
        long worked = nanoClock.getAsLong() - stepStarted;
        long rest = Math.min((long) (worked * restPerWork), MAX_REST_MILLIS * 1_000_000);
        if (rest > 0) {
            try {
                sleeper.sleep(rest);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the export is being cancelled: let it end without resting
            }
        }
        stepStarted = nanoClock.getAsLong();
    }
}
