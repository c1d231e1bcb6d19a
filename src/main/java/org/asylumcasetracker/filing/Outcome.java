package org.asylumcasetracker.filing;

/** How an application ended. */
public enum Outcome {
    GRANTED,
    DENIED,
    WITHDRAWN,
    DISMISSED,
    TRANSFERRED,
    OTHER
}
