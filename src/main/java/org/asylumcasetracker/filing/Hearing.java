package org.asylumcasetracker.filing;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A court hearing as the events set it: its kind, when it is, the day it was scheduled, and whose it is.
 *
 * @param scheduledOn the day of the {@code HEARING_SCHEDULED} event that set it
 * @param clientIds   the family members whose hearings were severed from the principal's and who have this one;
 *                    empty for the principal's hearings, which everyone else on the application shares
 */
public record Hearing(HearingKind kind, OffsetDateTime at, LocalDate scheduledOn, List<UUID> clientIds) {

    public Hearing {
        clientIds = clientIds == null ? List.of() : List.copyOf(clientIds);
    }

    /** A hearing of the principal's, which everyone on the application shares unless their case was severed. */
    public Hearing(HearingKind kind, OffsetDateTime at, LocalDate scheduledOn) {
        this(kind, at, scheduledOn, List.of());
    }
}
