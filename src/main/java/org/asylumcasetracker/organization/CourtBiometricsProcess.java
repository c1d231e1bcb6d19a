package org.asylumcasetracker.organization;

/**
 * How court (defensive) applicants get to biometrics. {@code MAIL_PACKAGE}: the applicant mails the first
 * three pages of the I-589 and the USCIS instructions to the Nebraska Service Center and waits for a
 * receipt. {@code AUTOMATIC}: USCIS schedules biometrics from the court's records, no package needed.
 */
public enum CourtBiometricsProcess {
    MAIL_PACKAGE,
    AUTOMATIC
}
