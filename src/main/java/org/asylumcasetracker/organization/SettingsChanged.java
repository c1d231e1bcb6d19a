package org.asylumcasetracker.organization;

/** Fired inside the transaction that changed an organization's thresholds, so derived data can follow. */
public record SettingsChanged(String organizationId) {}
