package org.asylumcasetracker.filing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An event that a rule reads in full, not only through what it changed: the stops and restarts of the work-permit
 * clock ({@link WorkPermitClock}) and the fee notices and payments ({@link AsylumFees}). The fold keeps them, in the
 * order they were recorded, in the filing's {@link Progress}, so that the filing's alerts and work-permit dates are
 * known from its row alone, without reading its timeline.
 *
 * @param person    for the clock's events, the family member they concern ({@code null}: the principal)
 * @param feeAmount a fee notice's amount
 * @param feeDueOn  a fee notice's due day, when the notice named one
 */
public record KeptEvent(EventType type, LocalDate on, UUID person, BigDecimal feeAmount, LocalDate feeDueOn) {

    /** Whether the fold keeps events of this type. */
    public static boolean keeps(EventType type) {
        return WorkPermitClock.moves(type) || AsylumFees.isFeeEvent(type);
    }

    /** Whether this event is about {@code clientId}, on a filing whose principal is {@code principal}. */
    public boolean concerns(UUID clientId, UUID principal) {
        return (person != null ? person : principal).equals(clientId);
    }
}
