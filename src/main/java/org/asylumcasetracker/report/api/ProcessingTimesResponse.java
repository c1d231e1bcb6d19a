package org.asylumcasetracker.report.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.asylumcasetracker.report.ProcessingStep;
import org.asylumcasetracker.report.ProcessingTimes;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ProcessingTimes", description = "How long each step takes, per person on an application")
public record ProcessingTimesResponse(
        @Schema(description = "First day of the period (steps that ended on or after it)")
        LocalDate from,

        @Schema(description = "Last day of the period; the day the waiting people are counted on")
        LocalDate to,

        @Schema(description = "One line per step, in process order")
        List<Step> steps) {

    @Schema(name = "ProcessingTimesStep")
    public record Step(
            ProcessingStep step,

            @Schema(description = "People whose step ended within the period")
            long count,

            @Schema(description = "Median length in days of those steps; left out when count is 0")
            BigDecimal medianDays,

            @Schema(description = "90th percentile of their length in days; left out when count is 0")
            BigDecimal p90Days,

            @Schema(description = "People still in the step on the last day of the period")
            long waiting,

            @Schema(
                    description =
                            "Median of how long those people have waited so far, in days; left out when none wait")
            BigDecimal waitingMedianDays) {}

    static ProcessingTimesResponse from(ProcessingTimes.Report report) {
        return new ProcessingTimesResponse(
                report.from(),
                report.to(),
                report.steps().stream()
                        .map(s -> new Step(
                                s.step(), s.count(), s.medianDays(), s.p90Days(), s.waiting(), s.waitingMedianDays()))
                        .toList());
    }
}
