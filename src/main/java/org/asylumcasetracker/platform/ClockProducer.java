package org.asylumcasetracker.platform;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The one clock of the service, injected wherever "now" or "today" matters. */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @Singleton
    @Unremovable // also looked up programmatically by the audit listener
    Clock clock() {
        return Clock.systemUTC();
    }
}
