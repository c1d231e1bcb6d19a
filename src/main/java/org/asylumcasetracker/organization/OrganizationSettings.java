package org.asylumcasetracker.organization;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** The alert thresholds of one organization, with the product's defaults. */
@Embeddable
public class OrganizationSettings {

    public static final int DEFAULT_RECEIPT_OVERDUE_MONTHS = 3;
    public static final int DEFAULT_BIOMETRICS_NOTICE_OVERDUE_MONTHS = 2;
    public static final int DEFAULT_HEARING_WARNING_DAYS = 60;
    public static final int DEFAULT_PACKAGE_GRACE_DAYS = 7;
    public static final int DEFAULT_APPOINTMENT_REMINDER_DAYS = 7;
    public static final int DEFAULT_WALK_IN_WINDOW_DAYS = 21;
    public static final int DEFAULT_ONLINE_RESCHEDULE_CUTOFF_HOURS = 12;
    public static final int DEFAULT_MAX_ONLINE_RESCHEDULES = 2;
    public static final int DEFAULT_WORK_PERMIT_WAIT_DAYS = 150;
    public static final int DEFAULT_ONE_YEAR_WARNING_DAYS = 90;
    public static final int DEFAULT_FEE_WARNING_DAYS = 14;

    @Column(name = "receipt_overdue_months", nullable = false)
    private int receiptOverdueMonths = DEFAULT_RECEIPT_OVERDUE_MONTHS;

    @Column(name = "biometrics_notice_overdue_months", nullable = false)
    private int biometricsNoticeOverdueMonths = DEFAULT_BIOMETRICS_NOTICE_OVERDUE_MONTHS;

    @Column(name = "hearing_warning_days", nullable = false)
    private int hearingWarningDays = DEFAULT_HEARING_WARNING_DAYS;

    @Column(name = "package_grace_days", nullable = false)
    private int packageGraceDays = DEFAULT_PACKAGE_GRACE_DAYS;

    @Column(name = "appointment_reminder_days", nullable = false)
    private int appointmentReminderDays = DEFAULT_APPOINTMENT_REMINDER_DAYS;

    @Column(name = "walk_in_window_days", nullable = false)
    private int walkInWindowDays = DEFAULT_WALK_IN_WINDOW_DAYS;

    @Column(name = "online_reschedule_cutoff_hours", nullable = false)
    private int onlineRescheduleCutoffHours = DEFAULT_ONLINE_RESCHEDULE_CUTOFF_HOURS;

    @Column(name = "max_online_reschedules", nullable = false)
    private int maxOnlineReschedules = DEFAULT_MAX_ONLINE_RESCHEDULES;

    @Column(name = "work_permit_wait_days", nullable = false)
    private int workPermitWaitDays = DEFAULT_WORK_PERMIT_WAIT_DAYS;

    @Enumerated(EnumType.STRING)
    @Column(name = "court_biometrics_process", nullable = false)
    private CourtBiometricsProcess courtBiometricsProcess = CourtBiometricsProcess.MAIL_PACKAGE;

    @Column(name = "one_year_warning_days", nullable = false)
    private int oneYearWarningDays = DEFAULT_ONE_YEAR_WARNING_DAYS;

    @Column(name = "fee_warning_days", nullable = false)
    private int feeWarningDays = DEFAULT_FEE_WARNING_DAYS;

    public OrganizationSettings() {}

    @SuppressWarnings("java:S107") // one parameter per alert threshold
    public OrganizationSettings(
            int receiptOverdueMonths,
            int biometricsNoticeOverdueMonths,
            int hearingWarningDays,
            int packageGraceDays,
            int appointmentReminderDays,
            int walkInWindowDays,
            int onlineRescheduleCutoffHours,
            int maxOnlineReschedules,
            int workPermitWaitDays,
            CourtBiometricsProcess courtBiometricsProcess) {
        this.receiptOverdueMonths = receiptOverdueMonths;
        this.biometricsNoticeOverdueMonths = biometricsNoticeOverdueMonths;
        this.hearingWarningDays = hearingWarningDays;
        this.packageGraceDays = packageGraceDays;
        this.appointmentReminderDays = appointmentReminderDays;
        this.walkInWindowDays = walkInWindowDays;
        this.onlineRescheduleCutoffHours = onlineRescheduleCutoffHours;
        this.maxOnlineReschedules = maxOnlineReschedules;
        this.workPermitWaitDays = workPermitWaitDays;
        this.courtBiometricsProcess = courtBiometricsProcess;
    }

    public int receiptOverdueMonths() {
        return receiptOverdueMonths;
    }

    public int biometricsNoticeOverdueMonths() {
        return biometricsNoticeOverdueMonths;
    }

    public int hearingWarningDays() {
        return hearingWarningDays;
    }

    public int packageGraceDays() {
        return packageGraceDays;
    }

    public int appointmentReminderDays() {
        return appointmentReminderDays;
    }

    public int walkInWindowDays() {
        return walkInWindowDays;
    }

    public int onlineRescheduleCutoffHours() {
        return onlineRescheduleCutoffHours;
    }

    public int maxOnlineReschedules() {
        return maxOnlineReschedules;
    }

    public int workPermitWaitDays() {
        return workPermitWaitDays;
    }

    public CourtBiometricsProcess courtBiometricsProcess() {
        return courtBiometricsProcess;
    }

    public int oneYearWarningDays() {
        return oneYearWarningDays;
    }

    public int feeWarningDays() {
        return feeWarningDays;
    }

    /** These settings with the deadline thresholds given; {@code null} keeps a threshold's default. */
    public OrganizationSettings withDeadlines(Integer oneYearWarningDays) {
        return withDeadlines(oneYearWarningDays, null);
    }

    /** These settings with the deadline thresholds given; {@code null} keeps a threshold's default. */
    public OrganizationSettings withDeadlines(Integer oneYearWarningDays, Integer feeWarningDays) {
        OrganizationSettings copy = new OrganizationSettings(
                receiptOverdueMonths,
                biometricsNoticeOverdueMonths,
                hearingWarningDays,
                packageGraceDays,
                appointmentReminderDays,
                walkInWindowDays,
                onlineRescheduleCutoffHours,
                maxOnlineReschedules,
                workPermitWaitDays,
                courtBiometricsProcess);
        copy.oneYearWarningDays = oneYearWarningDays == null ? DEFAULT_ONE_YEAR_WARNING_DAYS : oneYearWarningDays;
        copy.feeWarningDays = feeWarningDays == null ? DEFAULT_FEE_WARNING_DAYS : feeWarningDays;
        return copy;
    }
}
