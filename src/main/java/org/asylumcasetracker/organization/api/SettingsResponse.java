package org.asylumcasetracker.organization.api;

import org.asylumcasetracker.organization.CourtBiometricsProcess;
import org.asylumcasetracker.organization.OrganizationSettings;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The alert thresholds as answered, with when the alerts and reports follow them. */
@Schema(name = "OrganizationSettingsAnswer")
public record SettingsResponse(
        int receiptOverdueMonths,
        int biometricsNoticeOverdueMonths,
        int hearingWarningDays,
        int packageGraceDays,
        int appointmentReminderDays,
        int walkInWindowDays,
        int onlineRescheduleCutoffHours,
        int maxOnlineReschedules,
        int workPermitWaitDays,
        CourtBiometricsProcess courtBiometricsProcess,
        int oneYearWarningDays,
        int feeWarningDays,

        @Schema(
                description = "Whether the alerts and reports already follow these settings (left out when they"
                        + " never changed)")
        RecomputationView recomputation) {

    static SettingsResponse from(OrganizationSettings s, RecomputationView recomputation) {
        return new SettingsResponse(
                s.receiptOverdueMonths(),
                s.biometricsNoticeOverdueMonths(),
                s.hearingWarningDays(),
                s.packageGraceDays(),
                s.appointmentReminderDays(),
                s.walkInWindowDays(),
                s.onlineRescheduleCutoffHours(),
                s.maxOnlineReschedules(),
                s.workPermitWaitDays(),
                s.courtBiometricsProcess(),
                s.oneYearWarningDays(),
                s.feeWarningDays(),
                recomputation);
    }
}
