package org.asylumcasetracker.client;

/**
 * Documents a client can show at the biometrics appointment. A passport or a government ID is best;
 * the others are what an Application Support Center may accept without one.
 */
public enum IdentityDocument {
    PASSPORT,
    GOVERNMENT_ID,
    BIRTH_CERTIFICATE,
    SCHOOL_ID,
    EXPIRED_ID,
    ID_COPY,
    IMMIGRATION_DOCUMENT;

    public boolean isPrimary() {
        return this == PASSPORT || this == GOVERNMENT_ID;
    }
}
