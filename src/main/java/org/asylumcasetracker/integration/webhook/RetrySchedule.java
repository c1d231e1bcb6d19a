package org.asylumcasetracker.integration.webhook;

import java.time.Duration;
import java.util.Optional;

/**
 * When a failed delivery is tried again: after the n-th failed attempt, {@code base * 2^(n-1)}, at most
 * {@code max}; after {@code maxAttempts} failures, never.
 */
public record RetrySchedule(int maxAttempts, Duration base, Duration max) {

    public RetrySchedule {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** The wait before the next attempt, or empty when the delivery has failed for good. */
    public Optional<Duration> delayAfter(int failedAttempts) {
        if (failedAttempts >= maxAttempts) {
            return Optional.empty();
        }
        // Past 2^30 the doubling only overflows; the cap applies long before in any sane setting.
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), 30);
        Duration delay = base.multipliedBy(1L << doublings);
        return Optional.of(delay.compareTo(max) > 0 ? max : delay);
    }
}
