package org.asylumcasetracker.integration.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryScheduleTest {

    private static final RetrySchedule DEFAULTS = new RetrySchedule(8, Duration.ofSeconds(10), Duration.ofHours(1));

    @ParameterizedTest(name = "after {0} failed attempts wait {1}s")
    @CsvSource({"1, 10", "2, 20", "3, 40", "4, 80", "5, 160", "6, 320", "7, 640"})
    void waitsDoubleAfterEachFailure(int failedAttempts, long seconds) {
        assertEquals(Optional.of(Duration.ofSeconds(seconds)), DEFAULTS.delayAfter(failedAttempts));
    }

    @Test
    void givesUpAfterTheLastAttempt() {
        assertEquals(Optional.empty(), DEFAULTS.delayAfter(8));
        assertEquals(Optional.empty(), DEFAULTS.delayAfter(9));
    }

    @Test
    void neverWaitsLongerThanTheCap() {
        RetrySchedule many = new RetrySchedule(100, Duration.ofSeconds(10), Duration.ofHours(1));
        assertEquals(Optional.of(Duration.ofHours(1)), many.delayAfter(10));
        assertEquals(Optional.of(Duration.ofHours(1)), many.delayAfter(99));
    }

    @Test
    void needsAtLeastOneAttempt() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new RetrySchedule(0, Duration.ofSeconds(1), Duration.ofSeconds(1)));
    }
}
