package org.asylumcasetracker.client;

/**
 * Why a client may still apply for asylum after the one-year deadline (INA 208(a)(2)(D); 8 CFR 208.4(a)(4) and
 * (a)(5)). Recording one does not decide it: an asylum officer or immigration judge does, so the passed deadline
 * stays on the list as a note for legal review.
 */
public enum OneYearDeadlineException {
    /** Changed circumstances that materially affect eligibility, e.g. new conditions in the country of origin. */
    CHANGED_CIRCUMSTANCES,
    /** Extraordinary circumstances directly related to the delay, e.g. serious illness or legal disability. */
    EXTRAORDINARY_CIRCUMSTANCES
}
