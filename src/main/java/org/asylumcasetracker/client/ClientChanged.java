package org.asylumcasetracker.client;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Fired inside the transaction that created or changed a client.
 *
 * @param movedOn the day of the move when this change gave the client a new mailing address, else {@code null}
 */
public record ClientChanged(UUID clientId, String organizationId, boolean created, long version, LocalDate movedOn) {}
