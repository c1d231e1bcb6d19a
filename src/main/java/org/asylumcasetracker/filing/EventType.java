package org.asylumcasetracker.filing;

/** What can happen to an application; each is an input to the state machine ({@link Transitions}). */
public enum EventType {
    USCIS_PACKAGE_MAILED,
    RECEIPT_RECEIVED,
    BIOMETRICS_NOTICE_RECEIVED,
    RESCHEDULE_REQUESTED,
    BIOMETRICS_COMPLETED,
    BIOMETRICS_MISSED,
    BIOMETRICS_REUSED,
    STAMPED_NOTICE_CONFIRMED,
    HEARING_SCHEDULED,
    CONTACT_LOGGED,
    WORK_PERMIT_FILED,
    CLOSED,
    /** A person on the application reported a new address (AR-11 to USCIS, EOIR-33 to the court). */
    ADDRESS_CHANGE_REPORTED,
    /** USCIS or the court asked for an asylum fee ({@code amount}, due {@code dueOn}). */
    FEE_NOTICE_RECEIVED,
    /** An asylum fee was paid. */
    FEE_PAID;

    /**
     * Whether the event concerns one person on the application (it takes {@code clientId}, default the principal)
     * rather than the whole filing: USCIS sends each person their own receipt and appointment. A reported move names
     * its person in a field of its own and changes no progress; fees are the whole application's.
     */
    public boolean concernsOnePerson() {
        return switch (this) {
            case RECEIPT_RECEIVED,
                    BIOMETRICS_NOTICE_RECEIVED,
                    RESCHEDULE_REQUESTED,
                    BIOMETRICS_COMPLETED,
                    BIOMETRICS_MISSED,
                    BIOMETRICS_REUSED,
                    STAMPED_NOTICE_CONFIRMED,
                    WORK_PERMIT_FILED -> true;
            default -> false;
        };
    }
}
