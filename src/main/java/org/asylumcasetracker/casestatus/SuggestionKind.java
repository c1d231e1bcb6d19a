package org.asylumcasetracker.casestatus;

/** What a USCIS status text tells a case worker, and so which event a suggestion proposes. */
public enum SuggestionKind {
    /** USCIS received the application and sent a receipt notice: record the receipt. */
    RECEIPT_NOTICE_SENT,
    /**
     * USCIS scheduled biometrics and sent the appointment notice: record the notice when it arrived
     * (appointment date and place come from the notice), or, when it never arrived, log that it was sent
     * but not received and call the USCIS Contact Center.
     */
    BIOMETRICS_NOTICE_SENT,
    /** USCIS recorded that fingerprints were taken: record biometrics as completed. */
    BIOMETRICS_TAKEN,
    /** USCIS received a request to reschedule the appointment: record the request. */
    RESCHEDULE_RECEIVED,
    /** The application was approved: close the filing as granted. */
    APPROVED,
    /** The application was denied: close the filing as denied. */
    DENIED,
    /** USCIS acknowledged a withdrawal: close the filing as withdrawn. */
    WITHDRAWN
}
