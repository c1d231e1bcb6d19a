package org.asylumcasetracker.filing;

/** The forms that report a person's new address to the government. */
public enum AddressForm {
    /** USCIS Form AR-11, Alien's Change of Address Card: within 10 days of a move (INA 265(a); 8 CFR 265.1). */
    AR_11,
    /** EOIR-33, change of address to the immigration court: within 5 days of a move (8 CFR 1003.15(d)(2)). */
    EOIR_33
}
