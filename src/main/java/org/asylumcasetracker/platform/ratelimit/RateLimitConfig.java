package org.asylumcasetracker.platform.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;

/**
 * The request budgets that keep one caller or one clinic from starving the others. Each budget refills
 * continuously at its rate and holds up to its burst, so a frontend or a clinic's sync never meets it while
 * a runaway script does. Budgets live in each instance's memory: with N instances behind a load balancer the
 * effective budget is up to N times as large.
 */
@ConfigMapping(prefix = "asylum.rate-limit")
public interface RateLimitConfig {

    /** Off: no request is ever limited. */
    @WithDefault("true")
    boolean enabled();

    /** Requests per second one caller (a token's subject) may make, sustained. */
    @WithDefault("100")
    long tokenPerSecond();

    /** How many requests one caller may make at once after a quiet spell. */
    @WithDefault("200")
    long tokenBurst();

    /** Requests per second all callers of one organization together may make, sustained. */
    @WithDefault("500")
    long organizationPerSecond();

    @WithDefault("1000")
    long organizationBurst();

    /**
     * CSV exports one organization may have running at once. An export takes a database cursor and a core for as
     * long as it streams, so a request budget alone would let one clinic's parallel exports take the machine.
     */
    @WithDefault("2")
    @Min(1)
    int exportsPerOrganization();

    /**
     * CSV exports all organizations together may have running at once on one instance. Each holds one of the
     * request threads for as long as it streams (longer while it rests, see {@link #exportShare}), so that several
     * clinics exporting at once would otherwise leave no thread to anyone's ordinary requests. Keep it well below
     * the request threads ({@code quarkus.thread-pool.max-threads}, 8).
     */
    @WithDefault("4")
    @Min(1)
    int exportsPerInstance();

    /**
     * The share of the time a CSV export may work while it streams; it rests the remainder, between steps of a few
     * hundred rows. 1 lets exports run flat out. Lower keeps more of the cores for other clinics' requests on a small
     * machine, and makes each export take longer (about 1 / share times as long).
     */
    @WithDefault("0.25")
    @DecimalMin(value = "0", inclusive = false)
    @DecimalMax("1")
    double exportShare();
}
