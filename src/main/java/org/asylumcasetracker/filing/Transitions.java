package org.asylumcasetracker.filing;

import static org.asylumcasetracker.filing.Stage.AWAITING_BIOMETRICS_NOTICE;
import static org.asylumcasetracker.filing.Stage.AWAITING_RECEIPT;
import static org.asylumcasetracker.filing.Stage.AWAITING_USCIS_PACKAGE;
import static org.asylumcasetracker.filing.Stage.BIOMETRICS_COMPLETED;
import static org.asylumcasetracker.filing.Stage.BIOMETRICS_MISSED;
import static org.asylumcasetracker.filing.Stage.BIOMETRICS_SCHEDULED;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The state machine of an asylum application as data (the stage table of the README, "Rules"): for each event, the
 * stages it is allowed in, the stage it leads to ({@code null}: the stage stays) and whether only court filings know
 * it. Nothing else in the code decides whether an event may happen. Events about one person
 * ({@link EventType#concernsOnePerson()}) move that person's stage; the filing's is the earliest of its people's. One
 * exception to the target column: a biometrics notice whose appointment day had already passed when it arrived leads
 * straight to {@code BIOMETRICS_MISSED} ({@link FilingHistory}).
 */
public final class Transitions {

    /** One row of the table. */
    public record Transition(EventType event, Set<Stage> allowedIn, Stage target, boolean courtOnly) {

        public boolean allows(Stage stage, Venue venue) {
            return allowedIn.contains(stage) && (!courtOnly || venue == Venue.IMMIGRATION_COURT);
        }

        /** The stage after the event, given the stage before it. */
        public Stage next(Stage current) {
            return target == null ? current : target;
        }
    }

    private static final Set<Stage> ANY_BUT_CLOSED = EnumSet.complementOf(EnumSet.of(Stage.CLOSED));

    public static final List<Transition> TABLE = List.of(
            new Transition(EventType.USCIS_PACKAGE_MAILED, EnumSet.of(AWAITING_USCIS_PACKAGE), AWAITING_RECEIPT, false),
            new Transition(EventType.RECEIPT_RECEIVED, EnumSet.of(AWAITING_RECEIPT), AWAITING_BIOMETRICS_NOTICE, false),
            new Transition(
                    EventType.BIOMETRICS_NOTICE_RECEIVED,
                    EnumSet.of(AWAITING_BIOMETRICS_NOTICE, BIOMETRICS_MISSED),
                    BIOMETRICS_SCHEDULED,
                    false),
            new Transition(
                    EventType.RESCHEDULE_REQUESTED,
                    EnumSet.of(BIOMETRICS_SCHEDULED, BIOMETRICS_MISSED),
                    AWAITING_BIOMETRICS_NOTICE,
                    false),
            new Transition(
                    EventType.BIOMETRICS_COMPLETED,
                    EnumSet.of(BIOMETRICS_SCHEDULED, BIOMETRICS_MISSED),
                    BIOMETRICS_COMPLETED,
                    false),
            new Transition(EventType.BIOMETRICS_MISSED, EnumSet.of(BIOMETRICS_SCHEDULED), BIOMETRICS_MISSED, false),
            new Transition(
                    EventType.BIOMETRICS_REUSED,
                    EnumSet.of(
                            AWAITING_USCIS_PACKAGE,
                            AWAITING_RECEIPT,
                            AWAITING_BIOMETRICS_NOTICE,
                            BIOMETRICS_SCHEDULED,
                            BIOMETRICS_MISSED),
                    BIOMETRICS_COMPLETED,
                    false),
            new Transition(EventType.STAMPED_NOTICE_CONFIRMED, EnumSet.of(BIOMETRICS_COMPLETED), null, false),
            new Transition(EventType.HEARING_SCHEDULED, ANY_BUT_CLOSED, null, true),
            new Transition(EventType.CONTACT_LOGGED, ANY_BUT_CLOSED, null, false),
            new Transition(EventType.WORK_PERMIT_FILED, ANY_BUT_CLOSED, null, false),
            new Transition(EventType.CLOSED, ANY_BUT_CLOSED, Stage.CLOSED, false),
            new Transition(EventType.ADDRESS_CHANGE_REPORTED, ANY_BUT_CLOSED, null, false),
            new Transition(EventType.FEE_NOTICE_RECEIVED, ANY_BUT_CLOSED, null, false),
            new Transition(EventType.FEE_PAID, ANY_BUT_CLOSED, null, false));

    private static final Map<EventType, Transition> BY_EVENT =
            TABLE.stream().collect(java.util.stream.Collectors.toUnmodifiableMap(Transition::event, t -> t));

    private Transitions() {}

    public static Transition of(EventType event) {
        return BY_EVENT.get(event);
    }

    /** The events that may happen next, in table order. */
    public static List<EventType> allowedEvents(Stage stage, Venue venue) {
        return TABLE.stream()
                .filter(t -> t.allows(stage, venue))
                .map(Transition::event)
                .toList();
    }
}
