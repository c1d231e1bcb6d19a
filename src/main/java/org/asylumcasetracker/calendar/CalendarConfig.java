package org.asylumcasetracker.calendar;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.util.Optional;

/** Settings of the calendar feeds. */
@ConfigMapping(prefix = "asylum.calendar")
public interface CalendarConfig {

    /**
     * The public address of the service, e.g. {@code https://cases.example.org}, that feed URLs start with.
     * Without it, the address of the request that creates the feed is used.
     */
    Optional<URI> publicBaseUrl();

    /** How many days back a feed shows appointments and hearings. */
    @WithDefault("30")
    int pastDays();
}
