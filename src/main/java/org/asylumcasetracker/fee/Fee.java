package org.asylumcasetracker.fee;

/** The asylum fees of Pub. L. 119-21 that the fee table holds amounts for. */
public enum Fee {
    /** Paid with each new Form I-589. */
    ASYLUM_APPLICATION,
    /** Paid for each year an asylum application stays pending. */
    ANNUAL_ASYLUM_FEE
}
