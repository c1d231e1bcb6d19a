package org.asylumcasetracker.filing;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * When USCIS lets a biometrics appointment be moved online: not within the cut-off before it (12 hours by
 * default), not once it has passed, and not after the maximum number of reschedules (two by default).
 * Moving it by phone is always possible.
 */
public final class OnlineReschedulePolicy {

    public static final String CODE = "ONLINE_RESCHEDULE_NOT_ALLOWED";

    private OnlineReschedulePolicy() {}

    /** Why an online reschedule is refused, or empty if it is allowed. */
    public static Optional<String> refusal(
            OffsetDateTime requestedAt,
            OffsetDateTime appointmentAt,
            int rescheduleCount,
            int cutoffHours,
            int maxOnlineReschedules) {
        if (rescheduleCount >= maxOnlineReschedules) {
            return Optional.of("The appointment was already rescheduled " + rescheduleCount
                    + " times; it can only be moved by phone through the USCIS Contact Center.");
        }
        if (!requestedAt.isBefore(appointmentAt)) {
            return Optional.of("The appointment has already passed; it cannot be rescheduled online.");
        }
        if (Duration.between(requestedAt, appointmentAt).compareTo(Duration.ofHours(cutoffHours)) < 0) {
            return Optional.of("The appointment is less than " + cutoffHours
                    + " hours away; it can only be moved by phone through the USCIS Contact Center.");
        }
        return Optional.empty();
    }

    /** Whether the online route is still open for an appointment, as of a moment. */
    public static boolean allowed(
            OffsetDateTime at,
            OffsetDateTime appointmentAt,
            int rescheduleCount,
            int cutoffHours,
            int maxOnlineReschedules) {
        return appointmentAt != null
                && refusal(at, appointmentAt, rescheduleCount, cutoffHours, maxOnlineReschedules)
                        .isEmpty();
    }
}
