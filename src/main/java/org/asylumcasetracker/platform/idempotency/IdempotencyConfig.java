package org.asylumcasetracker.platform.idempotency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "asylum.idempotency")
public interface IdempotencyConfig {

    /** How long a key and its stored response are kept. */
    @WithDefault("24H")
    Duration ttl();
}
