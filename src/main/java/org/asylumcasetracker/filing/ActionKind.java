package org.asylumcasetracker.filing;

/** What a next step asks someone to do; a frontend turns each kind into words in the reader's language. */
public enum ActionKind {
    /** Phone {@code who} at {@code phone}, saying {@code say} to reach a person, with {@code haveReady} at hand. */
    CALL,
    /** Get in touch with {@code who} by whatever channel the case uses. */
    CONTACT,
    /** Look in the client's online USCIS account, where notices of online filings arrive. */
    CHECK_ONLINE_ACCOUNT,
    /** Check the case status online with the receipt number, weekly, until the notice arrives. */
    CHECK_CASE_STATUS,
    /** Mail {@code bring} to {@code address}. */
    MAIL_PACKAGE,
    /** Go to the office named on the appointment notice, with {@code bring}, no later than {@code until}. */
    WALK_IN,
    /** Take all of {@code bring} and at least one of {@code bringOneOf} to the appointment. */
    BRING_DOCUMENTS,
    /** Arrive {@code minutesEarly} minutes before the appointment. */
    ARRIVE_EARLY,
    /** Find at least one of {@code bringOneOf} before the appointment. */
    GATHER_DOCUMENTS,
    /** Enter in this system whether the appointment was attended or missed. */
    RECORD_OUTCOME,
    /** Keep the appointment notice the officer stamped: it is the proof that biometrics were done. */
    KEEP_STAMPED_NOTICE,
    /** File the application for a work permit. */
    APPLY_WORK_PERMIT,
    /** Get advice from an immigration attorney. */
    SEEK_LEGAL_HELP,
    /** File the asylum application (Form I-589) no later than {@code until}. */
    FILE_ASYLUM_APPLICATION,
    /**
     * Have a lawyer review whether the recorded exception to the one-year deadline holds, and file within a
     * reasonable period of it.
     */
    REVIEW_DEADLINE_EXCEPTION,
    /** Pay the asylum fee asked for ({@code amount}) by {@code deadlineOn}. */
    PAY_FEE,
    /** Send {@code form} with the new address to {@code who} by {@code deadlineOn}. */
    REPORT_ADDRESS_CHANGE
}
