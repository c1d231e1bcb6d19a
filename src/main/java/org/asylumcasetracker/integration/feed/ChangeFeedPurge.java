package org.asylumcasetracker.integration.feed;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.asylumcasetracker.platform.persistence.AcrossOrganizations;
import org.jboss.logging.Logger;

/**
 * Forgets change-feed entries older than the retention period, once a day across all instances (the day is
 * claimed in {@code scheduled_job_run}, as the ALERT_DUE job does), in batches of short transactions that walk
 * the feed in cursor order. It records the last position it deleted: {@link #gonePosition()} is what makes an
 * older cursor a 410 rather than a page that silently skips changes.
 */
@ApplicationScoped
public class ChangeFeedPurge {

    static final String JOB = "CHANGE_FEED_PURGE";
    private static final Logger LOG = Logger.getLogger(ChangeFeedPurge.class);

    private static final String DELETE_BATCH = """
            with doomed as (
                select id from change_feed where occurred_at < :cutoff order by txid, id limit :batch)
            delete from change_feed c using doomed where c.id = doomed.id
            returning c.txid::text, c.id""";
    private static final String RECORD = """
            insert into change_feed_purge (single, purged_txid, purged_id, purged_at)
            values (true, cast(:txid as xid8), :id, now())
            on conflict (single) do update set purged_txid = excluded.purged_txid, purged_id = excluded.purged_id,
                purged_at = excluded.purged_at
            where (change_feed_purge.purged_txid, change_feed_purge.purged_id) < (excluded.purged_txid, excluded.purged_id)""";

    private final EntityManager em;
    private final FeedConfig config;
    private final Clock clock;
    private final MeterRegistry metrics;

    /** What one trigger did: whether it claimed its day, and how many entries it deleted. */
    public record Run(LocalDate day, boolean claimed, long deleted) {}

    @Inject
    public ChangeFeedPurge(EntityManager em, FeedConfig config, Clock clock, MeterRegistry metrics) {
        this.em = em;
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Scheduled(
            identity = "change-feed-purge",
            cron = "${asylum.feed.purge-cron}",
            timeZone = "${asylum.feed.purge-time-zone}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        Run run = run(clock.instant());
        if (run.claimed()) {
            LOG.infof(
                    "Change feed purge for %s deleted %d entries older than %s",
                    run.day(), run.deleted(), config.retention());
        }
    }

    /** Purges as of {@code at}, unless this day's purge was claimed already (here or on another instance). */
    @AcrossOrganizations
    @WithSpan("change-feed purge")
    public Run run(Instant at) {
        LocalDate day = LocalDate.ofInstant(at, config.purgeTimeZone());
        boolean claimed = QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery(
                                        "insert into scheduled_job_run (job, run_on, started_at, instance) values (:job, :day, now(), :instance)"
                                                + " on conflict do nothing")
                                .setParameter("job", JOB)
                                .setParameter("day", day)
                                .setParameter("instance", instanceName())
                                .executeUpdate()
                        == 1);
        metrics.counter("asylum.jobs.runs", "job", JOB, "claimed", Boolean.toString(claimed))
                .increment();
        if (!claimed) {
            return new Run(day, false, 0);
        }
        OffsetDateTime cutoff = at.minus(config.retention()).atOffset(ZoneOffset.UTC);
        long deleted = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> deleteBatch(cutoff));
            deleted += batch;
        } while (batch == config.purgeBatchSize());
        metrics.counter("asylum.feed.purged.entries").increment(deleted);
        return new Run(day, true, deleted);
    }

    private int deleteBatch(OffsetDateTime cutoff) {
        List<?> rows = em.createNativeQuery(DELETE_BATCH)
                .setParameter("cutoff", cutoff)
                .setParameter("batch", config.purgeBatchSize())
                .getResultList();
        ChangeCursor last = null;
        for (Object row : rows) {
            Object[] c = (Object[]) row;
            ChangeCursor position = new ChangeCursor((String) c[0], ((Number) c[1]).longValue());
            if (last == null || position.isAfter(last)) {
                last = position;
            }
        }
        if (last != null) {
            em.createNativeQuery(RECORD)
                    .setParameter("txid", last.transactionId())
                    .setParameter("id", last.id())
                    .executeUpdate();
        }
        return rows.size();
    }

    /** The last position purged so far, if any: a cursor before it may have missed entries. */
    public Optional<ChangeCursor> gonePosition() {
        List<?> rows = em.createNativeQuery("select purged_txid::text, purged_id from change_feed_purge")
                .getResultList();
        return rows.stream().findFirst().map(row -> {
            Object[] c = (Object[]) row;
            return new ChangeCursor((String) c[0], ((Number) c[1]).longValue());
        });
    }

    private static String instanceName() {
        String host = System.getenv().getOrDefault("HOSTNAME", "localhost");
        return host + "/" + ProcessHandle.current().pid();
    }
}
