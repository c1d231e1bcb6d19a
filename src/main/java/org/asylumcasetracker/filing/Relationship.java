package org.asylumcasetracker.filing;

/**
 * How a person is on an application: the principal applicant, or a family member included on it (a spouse or an
 * unmarried child under 21 in the United States, 8 CFR 208.3(a) and the Form I-589 instructions).
 */
public enum Relationship {
    PRINCIPAL,
    SPOUSE,
    CHILD,
    OTHER
}
