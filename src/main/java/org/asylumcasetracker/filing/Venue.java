package org.asylumcasetracker.filing;

/** Where the I-589 was filed: with USCIS (affirmative) or in immigration court (defensive). */
public enum Venue {
    USCIS,
    IMMIGRATION_COURT
}
