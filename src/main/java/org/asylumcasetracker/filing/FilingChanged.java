package org.asylumcasetracker.filing;

import java.util.UUID;

/** Fired inside the transaction that created or changed a filing, or recorded or retracted an event. */
public record FilingChanged(UUID filingId) {
}
