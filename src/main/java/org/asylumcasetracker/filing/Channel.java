package org.asylumcasetracker.filing;

/** How a USCIS filing was made; it decides where notices arrive (mail, or the online account). */
public enum Channel {
    MAIL,
    ONLINE
}
