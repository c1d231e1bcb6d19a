package org.asylumcasetracker.filing;

/**
 * Where an application stands on its way to completed biometrics ({@link Transitions}). {@code BIOMETRICS_MISSED}
 * is a side stage one can recover from; {@code CLOSED} is final.
 */
public enum Stage {
    AWAITING_USCIS_PACKAGE,
    AWAITING_RECEIPT,
    AWAITING_BIOMETRICS_NOTICE,
    BIOMETRICS_SCHEDULED,
    BIOMETRICS_COMPLETED,
    BIOMETRICS_MISSED,
    CLOSED
}
