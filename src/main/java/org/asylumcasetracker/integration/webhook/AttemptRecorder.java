package org.asylumcasetracker.integration.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * Records the outcome of an attempt, trying again when the database fails for a moment. A delivery whose
 * outcome is lost stays claimed until its lease ends and is then sent again, so a receiver that already
 * answered would get it twice. Each try is a transaction of its own, and recording is idempotent: a try
 * whose commit went through but was reported as failed leaves the next one nothing to change.
 */
@ApplicationScoped
public class AttemptRecorder {

    private final DeliveryQueue queue;

    @Inject
    public AttemptRecorder(DeliveryQueue queue) {
        this.queue = queue;
    }

    @Retry(maxRetries = 4, delay = 250, delayUnit = ChronoUnit.MILLIS, jitter = 100)
    public void delivered(ClaimedDelivery delivery, int statusCode) {
        queue.recordDelivered(delivery, statusCode);
    }

    @Retry(maxRetries = 4, delay = 250, delayUnit = ChronoUnit.MILLIS, jitter = 100)
    public void failed(ClaimedDelivery delivery, Integer statusCode, String error, Optional<Duration> retryAfter) {
        queue.recordFailed(delivery, statusCode, error, retryAfter);
    }
}
