package org.asylumcasetracker.casestatus;

import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import org.asylumcasetracker.platform.JobThread;

/**
 * When the case status work runs on each instance: a round of checks every {@code asylum.uscis.tick-every},
 * the queue brought in line with the filings every {@code asylum.uscis.sync-every}. Both skip while the
 * feature is off (no credentials); either can be set to {@code off}, as the tests do. Each works on a thread of
 * its own, since a round waits on USCIS and no request thread should wait with it.
 */
@ApplicationScoped
public class CaseStatusSchedule {

    private final CaseStatusJob job;
    private final CaseStatusChecks checks;
    private final Clock clock;
    private final Duration horizon;
    private final JobThread roundThread = new JobThread("uscis-case-status-round");
    private final JobThread syncThread = new JobThread("uscis-case-status-sync");

    @Inject
    public CaseStatusSchedule(CaseStatusJob job, CaseStatusChecks checks, UscisConfig config, Clock clock) {
        this.job = job;
        this.checks = checks;
        this.clock = clock;
        this.horizon = "off".equalsIgnoreCase(config.tickEvery())
                ? Duration.ofSeconds(10)
                : DurationConverter.parseDuration(config.tickEvery());
    }

    @Scheduled(
            identity = "uscis-case-status-round",
            every = "${asylum.uscis.tick-every}",
            delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = FeatureOff.class)
    void round() {
        roundThread.start(() -> job.run(horizon)); // skipped while a round is under way
    }

    @Scheduled(
            identity = "uscis-case-status-sync",
            every = "${asylum.uscis.sync-every}",
            delayed = "20s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = FeatureOff.class)
    void synchronize() {
        syncThread.start(() -> checks.synchronize(clock.instant()));
    }

    /** Skips both while the application is not running or no USCIS credentials are configured. */
    @Singleton
    public static class FeatureOff implements Scheduled.SkipPredicate {

        private final UscisConfig config;
        private final Scheduled.ApplicationNotRunning notRunning;

        @Inject
        public FeatureOff(UscisConfig config, Scheduled.ApplicationNotRunning notRunning) {
            this.config = config;
            this.notRunning = notRunning;
        }

        @Override
        public boolean test(ScheduledExecution execution) {
            return !config.enabled() || notRunning.test(execution);
        }
    }
}
