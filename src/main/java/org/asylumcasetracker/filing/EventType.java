package org.asylumcasetracker.filing;

/** What can happen to an application; each is an input to the state machine ({@link Transitions}). */
public enum EventType {
    USCIS_PACKAGE_MAILED,
    RECEIPT_RECEIVED,
    BIOMETRICS_NOTICE_RECEIVED,
    RESCHEDULE_REQUESTED,
    BIOMETRICS_COMPLETED,
    BIOMETRICS_MISSED,
    HEARING_SCHEDULED,
    CONTACT_LOGGED,
    WORK_PERMIT_FILED,
    CLOSED,
    /** A person on the application reported a new address (AR-11 to USCIS, EOIR-33 to the court). */
    ADDRESS_CHANGE_REPORTED,
    /** USCIS or the court asked for an asylum fee ({@code amount}, due {@code dueOn}). */
    FEE_NOTICE_RECEIVED,
    /** An asylum fee was paid. */
    FEE_PAID
}
