package org.asylumcasetracker.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.DecimalMin;

/** How much of the machine the instance's bulk work may take ({@link BulkWork}). */
@ConfigMapping(prefix = "asylum.bulk-work")
public interface BulkWorkConfig {

    /**
     * The time, in cores, that all CSV exports and alert recomputations running at once on one instance may work
     * together; each one's own share (an export's, a recomputation's) still bounds it. The default, half a core,
     * is what one recomputation or two exports of one clinic take alone, so that running together they weigh on
     * everyone's requests no more than either does alone. Raise it on an instance with more cores.
     */
    @WithDefault("0.5")
    @DecimalMin(value = "0", inclusive = false)
    double share();
}
