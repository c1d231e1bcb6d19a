package org.asylumcasetracker.platform.ratelimit;

import java.util.function.LongSupplier;
import org.asylumcasetracker.platform.Pace;

/**
 * Keeps a CSV export to a share of the time while it streams ({@link Pace}), a step being {@value #ROWS_PER_STEP}
 * rows, so that a clinic's exports leave the cores to everyone's ordinary requests.
 */
final class ExportPace implements AutoCloseable {

    static final int ROWS_PER_STEP = 200;
    static final String SETTING = "asylum.rate-limit.export-share";

    private final Pace pace;
    private long rows;

    ExportPace(double share, LongSupplier nanoClock, Pace.Sleeper sleeper) {
        this(new Pace(share, SETTING, nanoClock, sleeper));
    }

    ExportPace(Pace pace) {
        this.pace = pace;
    }

    /** Counts one row written; at the end of a step, rests in proportion to the step's work. */
    void rowWritten() {
        if (++rows % ROWS_PER_STEP == 0) {
            pace.stepDone();
        }
    }

    /** The export ended. */
    @Override
    public void close() {
        pace.close();
    }
}
