package org.asylumcasetracker.report;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The limits of the overdue reports. */
@ConfigMapping(prefix = "asylum.reports")
public interface ReportConfig {

    /**
     * The most rows one CSV export may have. A larger export is refused before anything is sent, with a
     * problem that says how to narrow it (filters) or page it (the JSON report).
     */
    @WithDefault("50000")
    int csvMaxRows();

    /** How far before or after today {@code asOf} may lie, in years. */
    @WithDefault("10")
    int asOfMaxYears();

    /**
     * How often each instance looks for alert recomputations that settings changes asked for
     * ({@link AlertRecomputeJob}); {@code off} stops it.
     */
    @WithDefault("1s")
    String recomputeEvery();

    /**
     * The share of the time a recomputation works ({@link org.asylumcasetracker.platform.Pace}): after each batch
     * of filings or clients it rests in proportion, so that a clinic's settings change leaves the cores to
     * everyone's requests. 1 never rests; 0.5 takes about twice as long as flat out.
     */
    @WithDefault("0.5")
    double recomputeShare();
}
