package org.asylumcasetracker.organization.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.asylumcasetracker.organization.CourtBiometricsProcess;
import org.asylumcasetracker.organization.OrganizationSettings;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The alert thresholds of an organization, read and replaced as a whole. */
@Schema(name = "OrganizationSettings")
public record SettingsBody(
        @NotNull @Min(1) @Max(24) @Schema(example = "3") Integer receiptOverdueMonths,
        @NotNull @Min(1) @Max(24) @Schema(example = "2") Integer biometricsNoticeOverdueMonths,
        @NotNull @Min(1) @Max(365) @Schema(example = "60") Integer hearingWarningDays,
        @NotNull @Min(1) @Max(365) @Schema(example = "7") Integer packageGraceDays,
        @NotNull @Min(1) @Max(365) @Schema(example = "7") Integer appointmentReminderDays,
        @NotNull @Min(1) @Max(365) @Schema(example = "21") Integer walkInWindowDays,
        @NotNull @Min(1) @Max(168) @Schema(example = "12") Integer onlineRescheduleCutoffHours,
        @NotNull @Min(0) @Max(10) @Schema(example = "2") Integer maxOnlineReschedules,
        @NotNull @Min(1) @Max(3650) @Schema(example = "150") Integer workPermitWaitDays,
        @NotNull @Schema(example = "MAIL_PACKAGE") CourtBiometricsProcess courtBiometricsProcess,

        @Min(1)
        @Max(365)
        @Schema(
                description = "Days before a client's one-year asylum deadline that the approaching alert is raised;"
                        + " left out: 90",
                example = "90")
        Integer oneYearWarningDays,

        @Min(1)
        @Max(365)
        @Schema(
                description = "Days before an asylum fee's due day that its alert is raised; left out: 14",
                example = "14")
        Integer feeWarningDays) {

    public static SettingsBody from(OrganizationSettings s) {
        return new SettingsBody(
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
                s.feeWarningDays());
    }

    public OrganizationSettings toSettings() {
        return new OrganizationSettings(
                        receiptOverdueMonths,
                        biometricsNoticeOverdueMonths,
                        hearingWarningDays,
                        packageGraceDays,
                        appointmentReminderDays,
                        walkInWindowDays,
                        onlineRescheduleCutoffHours,
                        maxOnlineReschedules,
                        workPermitWaitDays,
                        courtBiometricsProcess)
                .withDeadlines(oneYearWarningDays, feeWarningDays);
    }
}
