package org.asylumcasetracker.alert;

import org.asylumcasetracker.organization.CourtBiometricsProcess;
import org.asylumcasetracker.organization.OrganizationSettings;

/** Organization settings with the product's default thresholds, one threshold changed at a time. */
final class SettingsMother {

    private int receiptOverdueMonths = OrganizationSettings.DEFAULT_RECEIPT_OVERDUE_MONTHS;
    private int biometricsNoticeOverdueMonths = OrganizationSettings.DEFAULT_BIOMETRICS_NOTICE_OVERDUE_MONTHS;
    private int hearingWarningDays = OrganizationSettings.DEFAULT_HEARING_WARNING_DAYS;
    private int packageGraceDays = OrganizationSettings.DEFAULT_PACKAGE_GRACE_DAYS;
    private int appointmentReminderDays = OrganizationSettings.DEFAULT_APPOINTMENT_REMINDER_DAYS;
    private int walkInWindowDays = OrganizationSettings.DEFAULT_WALK_IN_WINDOW_DAYS;
    private int workPermitWaitDays = OrganizationSettings.DEFAULT_WORK_PERMIT_WAIT_DAYS;
    private CourtBiometricsProcess courtBiometricsProcess = CourtBiometricsProcess.MAIL_PACKAGE;
    private int oneYearWarningDays = OrganizationSettings.DEFAULT_ONE_YEAR_WARNING_DAYS;
    private int feeWarningDays = OrganizationSettings.DEFAULT_FEE_WARNING_DAYS;

    private SettingsMother() {}

    static OrganizationSettings defaults() {
        return new OrganizationSettings();
    }

    static SettingsMother settings() {
        return new SettingsMother();
    }

    SettingsMother receiptOverdueMonths(int months) {
        this.receiptOverdueMonths = months;
        return this;
    }

    SettingsMother biometricsNoticeOverdueMonths(int months) {
        this.biometricsNoticeOverdueMonths = months;
        return this;
    }

    SettingsMother hearingWarningDays(int days) {
        this.hearingWarningDays = days;
        return this;
    }

    SettingsMother packageGraceDays(int days) {
        this.packageGraceDays = days;
        return this;
    }

    SettingsMother appointmentReminderDays(int days) {
        this.appointmentReminderDays = days;
        return this;
    }

    SettingsMother walkInWindowDays(int days) {
        this.walkInWindowDays = days;
        return this;
    }

    SettingsMother workPermitWaitDays(int days) {
        this.workPermitWaitDays = days;
        return this;
    }

    SettingsMother courtBiometricsProcess(CourtBiometricsProcess process) {
        this.courtBiometricsProcess = process;
        return this;
    }

    SettingsMother oneYearWarningDays(int days) {
        this.oneYearWarningDays = days;
        return this;
    }

    SettingsMother feeWarningDays(int days) {
        this.feeWarningDays = days;
        return this;
    }

    OrganizationSettings build() {
        return new OrganizationSettings(
                        receiptOverdueMonths,
                        biometricsNoticeOverdueMonths,
                        hearingWarningDays,
                        packageGraceDays,
                        appointmentReminderDays,
                        walkInWindowDays,
                        OrganizationSettings.DEFAULT_ONLINE_RESCHEDULE_CUTOFF_HOURS,
                        OrganizationSettings.DEFAULT_MAX_ONLINE_RESCHEDULES,
                        workPermitWaitDays,
                        courtBiometricsProcess)
                .withDeadlines(oneYearWarningDays, feeWarningDays);
    }
}
