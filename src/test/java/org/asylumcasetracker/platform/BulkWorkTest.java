package org.asylumcasetracker.platform;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bulk work running at once shares one budget: each piece's rests, on a clock and a sleeper of the test's, follow
 * the pieces that are running at the end of its step.
 */
class BulkWorkTest {

    private static final long MS = 1_000_000;

    /** One piece's thread: its own clock, which its rests move on, as the other pieces keep working meanwhile. */
    private final class Piece {
        private long now;
        private final Pace pace;

        Piece(BulkWork bulk, double share) {
            pace = bulk.start(share, "test.share", () -> now, nanos -> {
                rests.add(nanos / MS);
                now += nanos;
            });
        }

        void step(long workMillis) {
            now += workMillis * MS;
            pace.stepDone();
        }

        void close() {
            pace.close();
        }
    }

    private final List<Long> rests = new ArrayList<>();

    @Test
    void aloneEachPieceKeepsItsOwnShareTogetherTheyDivideTheBudget() {
        BulkWork bulk = new BulkWork(0.5);
        Piece recomputation = new Piece(bulk, 0.5);
        recomputation.step(100);
        assertThat("alone, its own half: rests as long as it worked", rests, contains(100L));

        Piece export = new Piece(bulk, 0.25);
        Piece secondExport = new Piece(bulk, 0.25);
        assertThat(bulk.running(), is(3));
        rests.clear();
        recomputation.step(100);
        export.step(100);
        secondExport.step(100);
        // three at once: a sixth each, resting five times their work, together half a core as either alone
        assertThat(rests, contains(500L, 500L, 500L));

        recomputation.close();
        rests.clear();
        export.step(100);
        secondExport.step(100);
        assertThat("two exports: a quarter each, their own share", rests, contains(300L, 300L));
        export.close();
        secondExport.close();
        assertThat(bulk.running(), is(0));
    }

    @Test
    void aBudgetAboveTheirSharesLeavesEachItsOwn() {
        BulkWork bulk = new BulkWork(2);
        Piece recomputation = new Piece(bulk, 0.5);
        Piece export = new Piece(bulk, 0.25);
        recomputation.step(100);
        export.step(100);
        assertThat(rests, contains(100L, 300L));
        Piece flatOut = new Piece(bulk, 1);
        flatOut.step(100);
        recomputation.step(100);
        assertThat(
                "three on two cores: at most two thirds each, which a share of 1 exceeds and a half does not",
                rests,
                contains(100L, 300L, 50L, 100L));
    }

    @Test
    void aPieceClosedTwiceEndsOnce() {
        BulkWork bulk = new BulkWork(0.5);
        Piece first = new Piece(bulk, 0.5);
        Piece second = new Piece(bulk, 0.5);
        first.close();
        first.close();
        assertThat(bulk.running(), is(1));
        second.step(100);
        assertThat("the one still running has the whole budget", rests, contains(100L));
    }

    @Test
    void sharesOutOfRangeAreRefusedByName() {
        for (double budget : new double[] {0, -1, Double.NaN}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> new BulkWork(budget));
            assertThat(refused.getMessage(), containsString("asylum.bulk-work.share"));
        }
        BulkWork bulk = new BulkWork(0.5);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> new Piece(bulk, 1.5));
        assertThat(refused.getMessage(), containsString("test.share"));
        assertThat("a refused piece does not count as running", bulk.running(), is(0));
    }
}
