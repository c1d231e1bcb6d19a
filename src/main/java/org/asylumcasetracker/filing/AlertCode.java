package org.asylumcasetracker.filing;

/** The alerts, in the order of the alert table (README, "Rules"), each with its fixed severity. */
public enum AlertCode {
    USCIS_PACKAGE_NOT_MAILED(Severity.HIGH),
    RECEIPT_OVERDUE(Severity.HIGH),
    BIOMETRICS_NOTICE_OVERDUE(Severity.HIGH),
    HEARING_APPROACHING_BIOMETRICS_INCOMPLETE(Severity.CRITICAL),
    APPOINTMENT_UPCOMING(Severity.INFO),
    ID_DOCUMENT_MISSING(Severity.MEDIUM),
    APPOINTMENT_OUTCOME_MISSING(Severity.HIGH),
    BIOMETRICS_MISSED(Severity.CRITICAL),
    STAMPED_NOTICE_MISSING(Severity.LOW),
    WORK_PERMIT_ELIGIBLE(Severity.INFO);

    private final Severity severity;

    AlertCode(Severity severity) {
        this.severity = severity;
    }

    public Severity severity() {
        return severity;
    }
}
