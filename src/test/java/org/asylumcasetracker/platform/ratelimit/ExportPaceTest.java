package org.asylumcasetracker.platform.ratelimit;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An export rests in proportion to its work, on a clock and a sleeper of the test's. */
class ExportPaceTest {

    private static final long MS = 1_000_000;

    private long now;
    private final List<Long> rests = new ArrayList<>();

    private ExportPace pace(double share) {
        return new ExportPace(share, () -> now, nanos -> {
            rests.add(nanos / MS);
            now += nanos;
        });
    }

    /** Writes one step of rows, the step's work taking {@code workMillis}. */
    private void step(ExportPace pace, long workMillis) {
        for (int row = 1; row <= ExportPace.ROWS_PER_STEP; row++) {
            if (row == ExportPace.ROWS_PER_STEP) {
                now += workMillis * MS;
            }
            pace.rowWritten();
        }
    }

    @Test
    void aQuarterShareRestsThreeTimesEachStepsWork() {
        ExportPace pace = pace(0.25);
        step(pace, 20);
        step(pace, 40);
        step(pace, 10);
        assertThat(rests, contains(60L, 120L, 30L));
    }

    @Test
    void aHalfShareRestsAsLongAsItWorkedAndTheRestIsNotCountedAsWork() {
        ExportPace pace = pace(0.5);
        step(pace, 30);
        step(pace, 30);
        assertThat("the second step's rest counts only its own 30 ms", rests, contains(30L, 30L));
    }

    @Test
    void noRestWithinAStepNorWithAWholeShare() {
        ExportPace partial = pace(0.25);
        for (int row = 1; row < ExportPace.ROWS_PER_STEP; row++) {
            now += MS;
            partial.rowWritten();
        }
        assertThat("no rest before a step is complete", rests, empty());

        ExportPace flatOut = pace(1);
        step(flatOut, 500);
        step(flatOut, 500);
        assertThat("a share of 1 never rests", rests, empty());
    }

    @Test
    void oneRestLastsAtMostASecond() {
        ExportPace pace = pace(0.25);
        step(pace, 5_000); // the process stalled for five seconds in this step
        assertThat(rests, contains(org.asylumcasetracker.platform.Pace.MAX_REST_MILLIS));
    }

    @Test
    void aShareOutsideItsRangeIsRefusedByName() {
        for (double share : new double[] {0, -0.5, 1.5, Double.NaN}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> pace(share));
            assertThat(refused.getMessage(), containsString("asylum.rate-limit.export-share"));
        }
    }
}
