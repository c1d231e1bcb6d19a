package org.asylumcasetracker.integration.webhook;

/** Where a delivery stands. Only PENDING deliveries are ever sent. */
public enum DeliveryStatus {
    /** Waiting for its first or next attempt. */
    PENDING,
    /** A receiver answered 2xx. */
    DELIVERED,
    /** Every attempt failed; it will not be tried again. */
    FAILED,
    /** Its subscription was deleted before it could be delivered. */
    CANCELLED
}
