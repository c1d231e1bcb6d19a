package org.asylumcasetracker.platform.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.asylumcasetracker.platform.BulkWork;

/**
 * Token buckets (Bucket4j) per caller and per organization. A request takes one token from its caller's
 * bucket, then one from its organization's; the first empty bucket refuses it and says how long until a
 * token is back. Idle buckets are forgotten after ten minutes (a full bucket is what a new one would be).
 *
 * <p>CSV exports also take one of their organization's export slots and one of the instance's for as long as they
 * stream: a budget of requests per second does not bound work that lasts seconds per request.
 */
@ApplicationScoped
public class RateLimiter {

    public static final String METRIC = "asylum.rate.limited.requests";
    /** How long CSV exports rested to keep to their share of the time, and how often. */
    public static final String EXPORT_REST_METRIC = "asylum.export.rests";

    private static final long MAX_BUCKETS = 100_000;
    /** The answer to an export while the organization's slots are taken: about as long as a capped export takes. */
    public static final Refusal EXPORTS_BUSY = new Refusal(Scope.EXPORT, 2);

    /** Why a request is refused: which budget ran out, and in how many whole seconds it has a token again. */
    public record Refusal(Scope scope, long retryAfterSeconds) {}

    public enum Scope {
        TOKEN,
        ORGANIZATION,
        /** The CSV exports that may run at once, the organization's or the instance's, are all running. */
        EXPORT;

        String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final RateLimitConfig config;
    /** Exports share the instance's budget for bulk work with recomputations. */
    private final BulkWork bulkWork;

    private final Cache<String, Bucket> callers;
    private final Cache<String, Bucket> organizations;
    private final Counter tokenRefusals;
    private final Counter organizationRefusals;
    private final Counter exportRefusals;
    private final Timer exportRests;
    /** Each organization's export slots, made at its first export (one small entry per organization). */
    private final ConcurrentHashMap<String, Semaphore> exportSlots = new ConcurrentHashMap<>();
    /** The instance's export slots, shared by all organizations. */
    private final Semaphore instanceExportSlots;

    @Inject
    public RateLimiter(RateLimitConfig config, BulkWork bulkWork, MeterRegistry registry) {
        this.config = config;
        this.bulkWork = bulkWork;
        this.callers = Caffeine.newBuilder()
                .expireAfterAccess(Duration.ofMinutes(10))
                .maximumSize(MAX_BUCKETS)
                .build();
        this.organizations = Caffeine.newBuilder()
                .expireAfterAccess(Duration.ofMinutes(10))
                .maximumSize(MAX_BUCKETS)
                .build();
        this.tokenRefusals = counter(registry, Scope.TOKEN);
        this.organizationRefusals = counter(registry, Scope.ORGANIZATION);
        this.exportRefusals = counter(registry, Scope.EXPORT);
        this.exportRests = Timer.builder(EXPORT_REST_METRIC)
                .description("Rests of streaming CSV exports, which keep them to their share of the time")
                .register(registry);
        this.instanceExportSlots = new Semaphore(config.exportsPerInstance());
    }

    /**
     * An export's hold on one of its organization's slots, and its pace: the export reports each row it writes, and
     * rests now and then so as to work only its share of the time. Closing it gives the slot back (once).
     */
    public static final class ExportSlot implements AutoCloseable {

        private final Semaphore slots;
        private final Semaphore instanceSlots;
        private final ExportPace pace;
        private final AtomicBoolean open = new AtomicBoolean(true);

        private ExportSlot(Semaphore slots, Semaphore instanceSlots, ExportPace pace) {
            this.slots = slots;
            this.instanceSlots = instanceSlots;
            this.pace = pace;
        }

        /** One more row is written; from time to time the export rests here, on its own thread. */
        public void rowWritten() {
            if (pace != null) {
                pace.rowWritten();
            }
        }

        @Override
        public void close() {
            if (open.compareAndSet(true, false) && slots != null) {
                pace.close();
                slots.release();
                instanceSlots.release();
            }
        }
    }

    /**
     * Takes one of the organization's export slots and one of the instance's; empty when either are all taken (then
     * {@link #EXPORTS_BUSY} says how long to wait). The slot must be closed when the export ends, however it ends.
     */
    public Optional<ExportSlot> tryStartExport(String organization) {
        if (!config.enabled()) {
            return Optional.of(new ExportSlot(null, null, null));
        }
        Semaphore slots =
                exportSlots.computeIfAbsent(organization, any -> new Semaphore(config.exportsPerOrganization()));
        if (!slots.tryAcquire()) {
            exportRefusals.increment();
            return Optional.empty();
        }
        if (!instanceExportSlots.tryAcquire()) {
            slots.release();
            exportRefusals.increment();
            return Optional.empty();
        }
        ExportPace pace = new ExportPace(bulkWork.start(config.exportShare(), ExportPace.SETTING, exportRests));
        return Optional.of(new ExportSlot(slots, instanceExportSlots, pace));
    }

    /** Takes one request from the budgets of {@code subject} and, if it has one, {@code organization}. */
    public Optional<Refusal> acquire(String subject, String organization) {
        if (!config.enabled()) {
            return Optional.empty();
        }
        Bucket caller = callers.get(subject, any -> bucket(config.tokenBurst(), config.tokenPerSecond()));
        ConsumptionProbe probe = caller.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            tokenRefusals.increment();
            return Optional.of(new Refusal(Scope.TOKEN, seconds(probe)));
        }
        if (organization == null) {
            return Optional.empty();
        }
        Bucket shared = organizations.get(
                organization, any -> bucket(config.organizationBurst(), config.organizationPerSecond()));
        probe = shared.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            organizationRefusals.increment();
            return Optional.of(new Refusal(Scope.ORGANIZATION, seconds(probe)));
        }
        return Optional.empty();
    }

    /**
     * What {@link #acquire} would answer now, without taking anything: a refusal when the caller's or the
     * organization's bucket is empty. For refusing a flood before the request is dispatched
     * ({@link EarlyRefusals}); a request this lets through still takes its tokens in {@link #acquire}. A caller
     * or organization without a bucket yet has a full one, so nothing is made here.
     */
    public Optional<Refusal> peek(String subject, String organization) {
        if (!config.enabled()) {
            return Optional.empty();
        }
        Optional<Refusal> callerEmpty = empty(callers.getIfPresent(subject), Scope.TOKEN, tokenRefusals);
        if (callerEmpty.isPresent() || organization == null) {
            return callerEmpty;
        }
        return empty(organizations.getIfPresent(organization), Scope.ORGANIZATION, organizationRefusals);
    }

    /** A refusal (counted) when {@code bucket} exists and has no token now; a missing bucket is a full one. */
    private static Optional<Refusal> empty(Bucket bucket, Scope scope, Counter refusals) {
        if (bucket == null) {
            return Optional.empty();
        }
        EstimationProbe probe = bucket.estimateAbilityToConsume(1);
        if (probe.canBeConsumed()) {
            return Optional.empty();
        }
        refusals.increment();
        return Optional.of(new Refusal(scope, seconds(probe.getNanosToWaitForRefill())));
    }

    private static Bucket bucket(long burst, long perSecond) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(burst)
                        .refillGreedy(perSecond, Duration.ofSeconds(1))
                        .build())
                .build();
    }

    private static long seconds(ConsumptionProbe probe) {
        return seconds(probe.getNanosToWaitForRefill());
    }

    private static long seconds(long nanosToWait) {
        return Math.max(1, (nanosToWait + 999_999_999L) / 1_000_000_000L);
    }

    private static Counter counter(MeterRegistry registry, Scope scope) {
        return Counter.builder(METRIC)
                .description("Requests refused with 429 because a rate limit ran out")
                .tag("scope", scope.tag())
                .register(registry);
    }
}
