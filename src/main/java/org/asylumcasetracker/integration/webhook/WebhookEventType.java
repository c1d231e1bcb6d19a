package org.asylumcasetracker.integration.webhook;

/** What a subscription can be told about. */
public enum WebhookEventType {
    /** A filing entered a stage: it was opened, an event moved it, or a retraction moved it back. */
    FILING_STAGE_CHANGED,
    /** An alert's due day has arrived (found by the daily job, in the organization's time zone). */
    ALERT_DUE,
    /** A client was created or changed. */
    CLIENT_CHANGED,
    /** USCIS reported a new case status for a receipt number (the service checks them on a schedule). */
    CASE_STATUS_CHANGED
}
