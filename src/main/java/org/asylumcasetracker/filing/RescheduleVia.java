package org.asylumcasetracker.filing;

/** How a reschedule was asked for; online is refused in some cases, the phone always works. */
public enum RescheduleVia {
    PHONE,
    ONLINE
}
