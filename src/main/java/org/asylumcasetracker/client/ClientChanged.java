package org.asylumcasetracker.client;

import java.util.UUID;

/** Fired inside the transaction that created or changed a client. */
public record ClientChanged(UUID clientId, String organizationId, boolean created, long version) {}
