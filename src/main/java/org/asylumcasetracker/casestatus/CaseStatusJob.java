package org.asylumcasetracker.casestatus;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.asylumcasetracker.casestatus.remote.UscisCaseStatusClient;
import org.asylumcasetracker.platform.persistence.AcrossOrganizations;
import org.jboss.logging.Logger;

/**
 * One round of case status checks: claims the calls planned for the next {@code horizon} (across all
 * organizations, within the quotas), makes each at its planned instant and records what came of it. A 429
 * stops the round: the calls not yet made go back to the queue for after the {@code Retry-After}.
 */
@ApplicationScoped
public class CaseStatusJob {

    private static final Logger LOG = Logger.getLogger(CaseStatusJob.class);

    private final CaseStatusChecks checks;
    private final CaseStatusRecorder recorder;
    private final UscisCaseStatusClient client;
    private final UscisConfig config;
    private final Clock clock;

    /** What a round did. */
    public record Round(int planned, int statuses, int changes, int notFound, int failed, boolean rateLimited) {}

    @Inject
    public CaseStatusJob(
            CaseStatusChecks checks,
            CaseStatusRecorder recorder,
            UscisCaseStatusClient client,
            UscisConfig config,
            Clock clock) {
        this.checks = checks;
        this.recorder = recorder;
        this.client = client;
        this.config = config;
        this.clock = clock;
    }

    public CheckPlanner.Quota quota() {
        return new CheckPlanner.Quota(config.quotaPerSecond(), config.quotaPerDay());
    }

    @AcrossOrganizations
    public Round run(Duration horizon) {
        List<CheckPlanner.Call> calls =
                checks.claim(clock.instant(), horizon, quota(), config.checkEvery(), config.lease());
        int statuses = 0;
        int changes = 0;
        int notFound = 0;
        int failed = 0;
        for (int i = 0; i < calls.size(); i++) {
            CheckPlanner.Call call = calls.get(i);
            if (!waitUntil(call.at())) {
                releaseFrom(calls, i, clock.instant());
                break;
            }
            CheckKey key = CheckKey.parse(call.key());
            Instant now = clock.instant();
            CheckResult result = client.check(key.receiptNumber());
            if (result instanceof CheckResult.Status status) {
                statuses++;
                if (recorder.recordStatus(key, status.report(), now, config.checkEvery())
                        .isPresent()) {
                    changes++;
                }
            } else if (result instanceof CheckResult.ReceiptNotFound) {
                notFound++;
                recorder.recordNotFound(key, now, config.checkEvery());
            } else if (result instanceof CheckResult.RateLimited limited) {
                Instant resume = clock.instant().plus(limited.retryAfter());
                checks.recordRateLimited(key, now, resume);
                releaseFrom(calls, i + 1, resume);
                LOG.warnf("USCIS case status quota reached; no calls before %s", resume);
                return new Round(calls.size(), statuses, changes, notFound, failed, true);
            } else if (result instanceof CheckResult.Failed failure) {
                failed++;
                checks.recordFailure(key, failure.outcome(), now, config.backoffBase(), config.backoffMax());
            }
        }
        if (failed > 0) {
            LOG.infof("USCIS case status round: %d planned, %d failed (retried later)", calls.size(), failed);
        }
        return new Round(calls.size(), statuses, changes, notFound, failed, false);
    }

    private void releaseFrom(List<CheckPlanner.Call> calls, int first, Instant at) {
        for (CheckPlanner.Call rest : calls.subList(first, calls.size())) {
            checks.release(CheckKey.parse(rest.key()), at);
        }
    }

    /** Sleeps until {@code at}; false when interrupted (shutting down). */
    private boolean waitUntil(Instant at) {
        long millis = Duration.between(clock.instant(), at).toMillis();
        if (millis <= 0) {
            return true;
        }
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
