package org.asylumcasetracker.platform.problem;

/** One rejected input field: its JSON name (dotted path for nested fields) and why. */
public record FieldError(String field, String message) {}
