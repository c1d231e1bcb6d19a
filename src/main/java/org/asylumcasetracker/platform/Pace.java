package org.asylumcasetracker.platform;

import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * Keeps a long piece of work (a CSV export, a recomputation) to a share of the time, so that it leaves the cores to
 * everyone's ordinary requests: at the end of each step the work rests for as long as the step took, times (1 -
 * share) / share. A step's time includes the database's work for it, so a slower machine or a busier one makes the
 * work rest longer. With a share of 1 it never rests. A single rest lasts at most {@value #MAX_REST_MILLIS} ms, so
 * that a pause of the whole process (a collection, a stall) does not stall the work for long after.
 *
 * <p>The share is read at the end of each step: a pace from {@link BulkWork} gets a smaller one while other bulk
 * work runs on the instance. Closing the pace tells whoever handed it out that the work ended.
 */
public final class Pace implements AutoCloseable {

    public static final long MAX_REST_MILLIS = 1_000;

    /** Rests the calling thread; a test's sleeper records the rests instead. */
    public interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    private final DoubleSupplier share;
    private final LongSupplier nanoClock;
    private final Sleeper sleeper;
    private final Runnable onClose;
    private long stepStarted;
    private boolean closed;

    /** {@code setting} names the share's setting in the error a share out of (0, 1] gets. */
    public Pace(double share, String setting, LongSupplier nanoClock, Sleeper sleeper) {
        this(constant(checkShare(share, setting)), nanoClock, sleeper, () -> {});
    }

    /** A pace whose share, in (0, 1], is read at the end of each step; {@code onClose} runs once, when it closes. */
    Pace(DoubleSupplier share, LongSupplier nanoClock, Sleeper sleeper, Runnable onClose) {
        this.share = share;
        this.nanoClock = nanoClock;
        this.sleeper = sleeper;
        this.onClose = onClose;
        this.stepStarted = nanoClock.getAsLong();
    }

    /** Refuses a share out of (0, 1], naming its {@code setting}. */
    public static double checkShare(double share, String setting) {
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException(setting + " must be more than 0 and at most 1, not " + share);
        }
        return share;
    }

    /** Rests the calling thread and records each rest in {@code rests}. */
    static Sleeper sleeper(Timer rests) {
        return nanos -> {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
            rests.record(nanos, TimeUnit.NANOSECONDS);
        };
    }

    private static DoubleSupplier constant(double share) {
        return () -> share;
    }

    /** A step is done: rests in proportion to its work, then the next step begins. */
    public void stepDone() {
        long worked = nanoClock.getAsLong() - stepStarted;
        double now = share.getAsDouble();
        long rest = Math.min((long) (worked * ((1 - now) / now)), MAX_REST_MILLIS * 1_000_000);
        if (rest > 0) {
            try {
                sleeper.sleep(rest);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the work is being cancelled: let it end without resting
            }
        }
        stepStarted = nanoClock.getAsLong();
    }

    /** The work ended (once; later calls do nothing). */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            onClose.run();
        }
    }
}
