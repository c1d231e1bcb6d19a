package org.asylumcasetracker.report;

/**
 * The steps whose length the processing-times report measures, each per person on an application. A step
 * starts and ends on the days of the facts named here (the earliest event of its kind in effect).
 */
public enum ProcessingStep {
    /** From filing (USCIS) or from the package's mailing (immigration court) to the receipt notice. */
    RECEIPT,
    /** From the receipt notice to the biometrics appointment notice. */
    BIOMETRICS_NOTICE,
    /** From the appointment notice to the day of the appointment it gave. */
    APPOINTMENT,
    /** From filing to biometrics completed or reused. */
    BIOMETRICS_DONE
}
