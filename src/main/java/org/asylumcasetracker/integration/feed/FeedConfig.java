package org.asylumcasetracker.integration.feed;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;

/** How long the change feed keeps its entries, and when it forgets older ones. */
@ConfigMapping(prefix = "asylum.feed")
public interface FeedConfig {

    /** How long a change stays in the feed; a cursor older than that gets 410. */
    @WithDefault("90d")
    Duration retention();

    /** When the purge runs (Quartz-style cron; once per day across instances); {@code off} stops it. */
    @WithDefault("0 30 3 * * ?")
    String purgeCron();

    /** The time zone of {@link #purgeCron()}. */
    @WithDefault("America/New_York")
    ZoneId purgeTimeZone();

    /** How many entries one purge transaction deletes. */
    @WithDefault("5000")
    int purgeBatchSize();
}
