package org.asylumcasetracker.integration.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** The settings of webhook subscriptions, their delivery and the daily ALERT_DUE job. */
@ConfigMapping(prefix = "asylum.webhooks")
public interface WebhookConfig {

    /**
     * Receivers on special-purpose addresses (loopback, private, link-local, ...) that are allowed all the
     * same: comma-separated host names (matched exactly, case-insensitively) or IP addresses and CIDR blocks.
     * Empty by default: a clinic system on an internal network is reachable only once the operator lists it.
     */
    Optional<List<String>> allowedTargets();

    /** How many active subscriptions one organization may have (422 {@code WEBHOOK_LIMIT_REACHED} beyond). */
    @WithDefault("20")
    int maxSubscriptionsPerOrganization();

    /**
     * After how many consecutive failed attempts a subscription's circuit opens: its deliveries are held
     * back for {@link #pauseBase()}, doubling with each further failure up to {@link #pauseMax()}, so a
     * receiver that never answers does not keep the sender threads busy for everyone.
     */
    @WithDefault("5")
    int pauseAfter();

    @WithDefault("1m")
    Duration pauseBase();

    @WithDefault("1h")
    Duration pauseMax();

    /** How often each instance looks for due deliveries; {@code off} stops the dispatcher. */
    @WithDefault("1s")
    String dispatchEvery();

    /** How many due deliveries one dispatch round claims. */
    @WithDefault("20")
    int batchSize();

    /** How many deliveries are sent at the same time, on the dispatcher's own threads. */
    @WithDefault("4")
    int senderThreads();

    /**
     * How long a claimed delivery stays hidden from other instances while it is being sent. The dispatcher
     * raises it if a whole batch could take longer at the timeouts below.
     */
    @WithDefault("60s")
    Duration lease();

    @WithDefault("5s")
    Duration connectTimeout();

    /** How long to wait for the receiver's response once connected. */
    @WithDefault("5s")
    Duration responseTimeout();

    /** Attempts before a delivery is given up as FAILED. */
    @WithDefault("8")
    int maxAttempts();

    /** The wait after the first failed attempt; it doubles after each further failure. */
    @WithDefault("10s")
    Duration backoffBase();

    /** The longest wait between two attempts. */
    @WithDefault("1h")
    Duration backoffMax();

    /** When the ALERT_DUE job runs (Quartz-style cron); {@code off} stops it. */
    @WithDefault("0 0 6 * * ?")
    String alertDueCron();

    /** The time zone of {@link #alertDueCron()}; the job's day is the date in this zone. */
    @WithDefault("America/New_York")
    ZoneId alertDueTimeZone();
}
