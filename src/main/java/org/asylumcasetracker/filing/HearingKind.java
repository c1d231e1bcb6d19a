package org.asylumcasetracker.filing;

/** The kind of immigration court hearing; biometrics must be done before the individual (merits) hearing. */
public enum HearingKind {
    MASTER_CALENDAR,
    INDIVIDUAL
}
