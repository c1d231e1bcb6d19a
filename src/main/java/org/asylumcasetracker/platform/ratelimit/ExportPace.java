package org.asylumcasetracker.platform.ratelimit;

import io.micrometer.core.instrument.Timer;
import java.util.function.LongSupplier;
import org.asylumcasetracker.platform.Pace;

/**
 * Keeps a CSV export to a share of the time while it streams ({@link Pace}), a step being {@value #ROWS_PER_STEP}
 * rows, so that a clinic's exports leave the cores to everyone's ordinary requests.
 */
final class ExportPace {

    static final int ROWS_PER_STEP = 200;
    private static final String SETTING = "asylum.rate-limit.export-share";

    private final Pace pace;
    private long rows;

    ExportPace(double share, LongSupplier nanoClock, Pace.Sleeper sleeper) {
        this(new Pace(share, SETTING, nanoClock, sleeper));
    }

    private ExportPace(Pace pace) {
        this.pace = pace;
    }

    /** A pace that rests the calling thread and records each rest in {@code rests}. */
    static ExportPace of(double share, Timer rests) {
        return new ExportPace(Pace.of(share, SETTING, rests));
    }

    /** Counts one row written; at the end of a step, rests in proportion to the step's work. */
    void rowWritten() {
        if (pace.rests() && ++rows % ROWS_PER_STEP == 0) {
            pace.stepDone();
        }
    }
}
