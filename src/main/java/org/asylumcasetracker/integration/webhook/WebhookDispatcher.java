package org.asylumcasetracker.integration.webhook;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.asylumcasetracker.platform.persistence.AcrossOrganizations;
import org.asylumcasetracker.platform.persistence.OrganizationScope;
import org.jboss.logging.Logger;

/**
 * Sends due deliveries: claims a batch in a short transaction, sends each on the dispatcher's own
 * threads (never on a thread that serves API requests), then records each outcome in a transaction of its
 * own. Every instance of the service runs one; the queue's row locks and leases keep them from sending
 * the same delivery at the same time. A delivery is sent at least once: an instance that stops between
 * sending and recording leaves it to be sent again when its lease ends.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    private final DeliveryQueue queue;
    private final AttemptRecorder recorder;
    private final WebhookSender sender;
    private final RetrySchedule retries;
    private final int batchSize;
    private final Duration lease;
    private final ExecutorService senders;
    private final WebhookMetrics metrics;

    @Inject
    public WebhookDispatcher(
            DeliveryQueue queue,
            AttemptRecorder recorder,
            WebhookSender sender,
            WebhookConfig config,
            WebhookMetrics metrics) {
        this.metrics = metrics;
        this.queue = queue;
        this.recorder = recorder;
        this.sender = sender;
        this.retries = new RetrySchedule(config.maxAttempts(), config.backoffBase(), config.backoffMax());
        this.batchSize = config.batchSize();
        int threads = Math.max(1, config.senderThreads());
        // The lease must outlast the slowest batch, or another instance could send the same delivery again.
        long rounds = (batchSize + threads - 1) / threads;
        Duration slowestBatch = sender.deadline().multipliedBy(rounds).plusSeconds(10);
        this.lease = config.lease().compareTo(slowestBatch) >= 0 ? config.lease() : slowestBatch;
        AtomicInteger count = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "webhook-sender-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** One round: claims up to a batch of due deliveries, attempts each once and records the outcomes. */
    @AcrossOrganizations
    public int dispatchDue() {
        List<ClaimedDelivery> claimed = queue.claimDue(batchSize, lease);
        List<Future<?>> attempts = new ArrayList<>(claimed.size());
        try {
            for (ClaimedDelivery delivery : claimed) {
                // Sender threads record the outcomes for every organization, as the round that claimed them.
                attempts.add(senders.submit(() -> OrganizationScope.acrossOrganizations(() -> attempt(delivery))));
            }
        } catch (RejectedExecutionException e) {
            // shutting down: the leases run out and another instance (or the next start) sends them
            return attempts.size();
        }
        for (Future<?> attempt : attempts) {
            try {
                attempt.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException e) {
                LOG.errorf(
                        "Recording a webhook attempt failed (%s); the delivery is retried when its lease ends",
                        e.getCause().getClass().getName());
            }
        }
        return claimed.size();
    }

    private void attempt(ClaimedDelivery delivery) {
        AttemptOutcome outcome = sender.send(delivery);
        if (outcome.delivered()) {
            recorder.delivered(delivery, outcome.statusCode());
            metrics.attempted(WebhookMetrics.Outcome.DELIVERED);
            return;
        }
        int failedAttempts = delivery.attempts() + 1;
        Optional<Duration> retryAfter = retries.delayAfter(failedAttempts);
        recorder.failed(delivery, outcome.statusCode(), outcome.error(), retryAfter);
        metrics.attempted(retryAfter.isPresent() ? WebhookMetrics.Outcome.RETRY : WebhookMetrics.Outcome.FAILED);
        if (retryAfter.isPresent()) {
            LOG.debugf(
                    "Webhook delivery %s to subscription %s failed (attempt %d: %s); next try in %s",
                    delivery.id(), delivery.subscriptionId(), failedAttempts, outcome.error(), retryAfter.get());
        } else {
            LOG.warnf(
                    "Webhook delivery %s to subscription %s gave up after %d attempts (last: %s)",
                    delivery.id(), delivery.subscriptionId(), failedAttempts, outcome.error());
        }
    }

    /**
     * On shutdown no new round starts (the schedule skips once the application stops) and sends already
     * under way finish and are recorded, so a receiver is not left with a delivery the log calls pending.
     * This runs on the shutdown event, while the database is still open.
     */
    void stop(@Observes ShutdownEvent event) {
        senders.shutdown();
        try {
            if (!senders.awaitTermination(
                    sender.deadline().toMillis() + 2_000, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                senders.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            senders.shutdownNow();
        }
    }
}
