package org.asylumcasetracker.filing;

/** How a biometrics appointment notice reached the client. */
public enum DeliveredVia {
    MAIL,
    ONLINE_ACCOUNT
}
