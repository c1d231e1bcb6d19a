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
    WORK_PERMIT_ELIGIBLE(Severity.INFO),
    ASYLUM_FEE_DUE(Severity.CRITICAL),
    ANNUAL_FEE_EXPECTED(Severity.INFO),
    // Alerts about a person rather than one filing: they carry a clientId and no filingId.
    ONE_YEAR_DEADLINE_APPROACHING(Severity.HIGH),
    ONE_YEAR_DEADLINE_PASSED(Severity.CRITICAL),
    ONE_YEAR_EXCEPTION_REVIEW(Severity.MEDIUM),
    ADDRESS_CHANGE_NOT_REPORTED(Severity.HIGH);

    private final Severity severity;

    AlertCode(Severity severity) {
        this.severity = severity;
    }

    public Severity severity() {
        return severity;
    }

    /** Whether the alert concerns a person as such (no filing), rather than one filing. */
    public boolean concernsClient() {
        return this == ONE_YEAR_DEADLINE_APPROACHING
                || this == ONE_YEAR_DEADLINE_PASSED
                || this == ONE_YEAR_EXCEPTION_REVIEW
                || this == ADDRESS_CHANGE_NOT_REPORTED;
    }
}
