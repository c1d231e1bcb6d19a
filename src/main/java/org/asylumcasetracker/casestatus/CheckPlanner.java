package org.asylumcasetracker.casestatus;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Which receipt numbers to check when, within the API's quotas: a pure function of the receipt numbers
 * (when each is due, whether its person waits for a notice), the quotas and a time span.
 *
 * <p>Calls are spaced at least {@link Quota#spacing()} apart, the larger of one second divided by the
 * per-second quota and one day divided by the per-day quota; so any second holds at most the per-second
 * quota, and any day (whichever hour it starts) at most the per-day quota. When more receipt numbers are
 * due than the quota admits, those of people waiting for a notice go first, then the longest waiting.
 * A receipt number checked within the span is due again {@code checkEvery} later.
 */
public final class CheckPlanner {

    /** A receipt number (or any key) that is due at {@code dueAt}; {@code priority}: its person waits for a notice. */
    public record Candidate(String key, Instant dueAt, boolean priority) {}

    /** The API's limits for one set of credentials. */
    public record Quota(int perSecond, int perDay) {

        public Quota {
            if (perSecond < 1 || perDay < 1) {
                throw new IllegalArgumentException("quotas must be at least 1");
            }
        }

        /** The shortest time between two calls, rounded up to whole milliseconds. */
        public Duration spacing() {
            long bySecond = ceilDiv(1_000, perSecond);
            long byDay = ceilDiv(Duration.ofDays(1).toMillis(), perDay);
            return Duration.ofMillis(Math.max(bySecond, byDay));
        }

        private static long ceilDiv(long a, long b) {
            return (a + b - 1) / b;
        }
    }

    /** One planned call. */
    public record Call(String key, Instant at) {}

    private CheckPlanner() {}

    /**
     * The calls from {@code from} (and not before {@code firstSlot}, the earliest a call may start after the
     * calls already made) up to, not including, {@code until}.
     */
    public static List<Call> plan(
            List<Candidate> candidates,
            Quota quota,
            Duration checkEvery,
            Instant firstSlot,
            Instant from,
            Instant until) {
        Duration spacing = quota.spacing();
        PriorityQueue<Candidate> waiting = new PriorityQueue<>(Comparator.comparing(Candidate::dueAt));
        waiting.addAll(candidates);
        PriorityQueue<Candidate> ready = new PriorityQueue<>(Comparator.comparing(Candidate::priority)
                .reversed()
                .thenComparing(Candidate::dueAt)
                .thenComparing(Candidate::key));
        List<Call> calls = new ArrayList<>();
        Instant slot = firstSlot.isAfter(from) ? firstSlot : from;
        while (true) {
            if (ready.isEmpty()) {
                if (waiting.isEmpty()) {
                    break;
                }
                Instant nextDue = waiting.peek().dueAt();
                if (nextDue.isAfter(slot)) {
                    slot = nextDue;
                }
            }
            if (!slot.isBefore(until)) {
                break;
            }
            while (!waiting.isEmpty() && !waiting.peek().dueAt().isAfter(slot)) {
                ready.add(waiting.poll());
            }
            Candidate next = ready.poll();
            calls.add(new Call(next.key(), slot));
            waiting.add(new Candidate(next.key(), slot.plus(checkEvery), next.priority()));
            slot = slot.plus(spacing);
        }
        return calls;
    }
}
