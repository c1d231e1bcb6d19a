package org.asylumcasetracker.calendar;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * One dated thing that belongs in a case worker's calendar: an appointment or hearing at a moment ({@code at}, with
 * the offset it was recorded with: the office's local time when known), or a deadline on a day ({@code day}).
 * {@code initials} is all it says of the person.
 *
 * @param filingId the filing; none for a person's own deadline
 * @param clientId the person when the entry is one person's among several on the filing (a family member's
 *                 appointment, a severed member's hearing) or a person's own deadline; none for the principal's
 *                 appointment and the hearings everyone shares
 */
public record CalendarEntry(
        Kind kind, UUID filingId, UUID clientId, String initials, OffsetDateTime at, LocalDate day, String location) {

    /** What the entry is; with its filing and person it is one entry, so its UID stays stable when the date moves. */
    public enum Kind {
        BIOMETRICS_APPOINTMENT,
        MASTER_CALENDAR_HEARING,
        INDIVIDUAL_HEARING,
        /** The last day to apply for asylum within a year of the last arrival, for a person on no open filing. */
        ONE_YEAR_DEADLINE,
        /** The last day to report a move to USCIS on Form AR-11. */
        AR_11_DEADLINE,
        /** The last day to report a move to the immigration court on Form EOIR-33. */
        EOIR_33_DEADLINE;

        public boolean isDeadline() {
            return this == ONE_YEAR_DEADLINE || this == AR_11_DEADLINE || this == EOIR_33_DEADLINE;
        }
    }

    /** An appointment or hearing at a moment. */
    static CalendarEntry at(
            Kind kind, UUID filingId, UUID clientId, String initials, OffsetDateTime at, String location) {
        return new CalendarEntry(kind, filingId, clientId, initials, at, null, location);
    }

    /** A person's deadline on a day. */
    static CalendarEntry deadline(Kind kind, UUID filingId, UUID clientId, String initials, LocalDate day) {
        return new CalendarEntry(kind, filingId, clientId, initials, null, day, null);
    }

    /** When it is, for ordering: a deadline counts from the start of its day in UTC. */
    OffsetDateTime start() {
        return at != null ? at : day.atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    @Override
    public String toString() {
        return "CalendarEntry[" + kind + ", " + filingId + ", " + clientId + ", " + (at != null ? at : day) + "]";
    }
}
