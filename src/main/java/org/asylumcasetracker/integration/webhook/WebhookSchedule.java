package org.asylumcasetracker.integration.webhook;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import org.asylumcasetracker.platform.JobThread;
import org.jboss.logging.Logger;

/**
 * When the webhook work runs on each instance: the dispatcher every {@code asylum.webhooks.dispatch-every},
 * the ALERT_DUE job on {@code asylum.webhooks.alert-due-cron}. Either can be set to {@code off}; the tests
 * do that and call the jobs themselves. Dispatch works on a thread of its own, since it waits on receivers.
 */
@ApplicationScoped
public class WebhookSchedule {

    private static final Logger LOG = Logger.getLogger(WebhookSchedule.class);
    // A backlog drains in consecutive rounds, but one trigger does not hold its thread for ever.
    private static final int MAX_ROUNDS_PER_TRIGGER = 50;

    private final WebhookDispatcher dispatcher;
    private final AlertDueJob alertDueJob;
    private final WebhookConfig config;
    private final Clock clock;
    /** Receivers may hang until their deadline; no request thread waits with them. */
    private final JobThread dispatchThread = new JobThread("webhook-dispatch");

    @Inject
    public WebhookSchedule(WebhookDispatcher dispatcher, AlertDueJob alertDueJob, WebhookConfig config, Clock clock) {
        this.dispatcher = dispatcher;
        this.alertDueJob = alertDueJob;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(
            identity = "webhook-dispatch",
            every = "${asylum.webhooks.dispatch-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void dispatch() {
        dispatchThread.start(this::dispatchRounds); // skipped while a run is under way
    }

    /** Rounds until the queue is drained, or a bounded number of them. */
    void dispatchRounds() {
        for (int round = 0; round < MAX_ROUNDS_PER_TRIGGER; round++) {
            if (dispatcher.dispatchDue() < config.batchSize()) {
                return; // a full batch means more may be due; anything less means the queue is drained
            }
        }
    }

    @Scheduled(
            identity = "webhook-alert-due",
            cron = "${asylum.webhooks.alert-due-cron}",
            timeZone = "${asylum.webhooks.alert-due-time-zone}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void alertDue() {
        AlertDueJob.Run run = alertDueJob.run(clock.instant());
        if (run.claimed()) {
            LOG.infof("ALERT_DUE job for %s wrote %d webhook deliveries", run.day(), run.deliveries());
        } else {
            LOG.debugf("ALERT_DUE job for %s already ran", run.day());
        }
    }
}
