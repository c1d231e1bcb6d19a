package org.asylumcasetracker.filing;

/**
 * How urgently a case worker must act on an alert. Declared most urgent first, so the ordinal is
 * the rank and sorting by severity puts CRITICAL on top.
 */
public enum Severity {
    CRITICAL,
    HIGH,
    MEDIUM,
    LOW,
    INFO
}
