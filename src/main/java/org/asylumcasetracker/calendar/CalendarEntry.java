package org.asylumcasetracker.calendar;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One dated thing of a filing that belongs in a case worker's calendar. {@code initials} is all it says of the
 * person; {@code at} keeps the offset it was recorded with (the office's local time when known).
 */
public record CalendarEntry(Kind kind, UUID filingId, String initials, OffsetDateTime at, String location) {

    /** What the entry is; each kind has one entry per filing, so its UID stays stable when the date moves. */
    public enum Kind {
        BIOMETRICS_APPOINTMENT,
        MASTER_CALENDAR_HEARING,
        INDIVIDUAL_HEARING
    }

    @Override
    public String toString() {
        return "CalendarEntry[" + kind + ", " + filingId + ", " + at + "]";
    }
}
