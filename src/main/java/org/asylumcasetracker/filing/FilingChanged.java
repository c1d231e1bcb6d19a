package org.asylumcasetracker.filing;

import java.util.UUID;

/**
 * Fired inside the transaction that created or changed a filing, or recorded or retracted an event, so
 * that derived data (alert windows, the change feed, webhook deliveries) commits with the change itself.
 *
 * @param eventId     the event recorded or retracted, else {@code null}
 * @param stageBefore the stage before the change ({@code null} for a new filing)
 * @param stageAfter  the stage after it
 * @param factsChanged false when the change left the filing's {@link Progress} as it was (a logged contact,
 *                     say): the alert rules read nothing else an event can change, so the windows stay
 * @param personId     the person on the application the event concerns, when it concerns one
 * @param movedClientId the person whose move the event reported or took back ({@code ADDRESS_CHANGE_REPORTED}): a
 *                     move changes no filing fact, only that person's own alerts
 */
public record FilingChanged(
        UUID filingId,
        String organizationId,
        Kind kind,
        UUID eventId,
        Stage stageBefore,
        Stage stageAfter,
        long version,
        boolean factsChanged,
        UUID personId,
        UUID movedClientId) {

    public FilingChanged(
            UUID filingId,
            String organizationId,
            Kind kind,
            UUID eventId,
            Stage stageBefore,
            Stage stageAfter,
            long version) {
        this(filingId, organizationId, kind, eventId, stageBefore, stageAfter, version, true, null, null);
    }

    /** What happened to the filing. */
    public enum Kind {
        CREATED,
        UPDATED,
        EVENT_RECORDED,
        EVENT_RETRACTED
    }

    /** The person whose reported move {@code event} is, if it is one. */
    public static UUID movedClientOf(FilingEvent event) {
        return event.getType() == EventType.ADDRESS_CHANGE_REPORTED
                ? event.details().addressClientId()
                : null;
    }

    public boolean stageChanged() {
        return stageBefore != stageAfter;
    }
}
