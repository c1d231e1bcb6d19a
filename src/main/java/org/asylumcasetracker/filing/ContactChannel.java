package org.asylumcasetracker.filing;

/** Whom a case worker or client contacted about the application. */
public enum ContactChannel {
    USCIS_CONTACT_CENTER,
    GOVERNMENT_ATTORNEY,
    ASC_WALK_IN,
    ONLINE_ACCOUNT
}
