package org.asylumcasetracker.filing;

import static org.asylumcasetracker.filing.EventType.*;
import static org.asylumcasetracker.filing.Stage.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.asylumcasetracker.organization.CourtBiometricsProcess;
import org.asylumcasetracker.platform.problem.StageConflictException;
import org.junit.jupiter.api.Test;

/**
 * Every stage against every event, for both venues: allowed moves go where the stage table (README, "Rules") says,
 * everything else is refused. The expectations are written out here independently of {@link Transitions#TABLE}.
 */
class TransitionsTest {

    private static final Set<Stage> ANY_BUT_CLOSED = Set.of(
            AWAITING_USCIS_PACKAGE,
            AWAITING_RECEIPT,
            AWAITING_BIOMETRICS_NOTICE,
            BIOMETRICS_SCHEDULED,
            Stage.BIOMETRICS_COMPLETED,
            Stage.BIOMETRICS_MISSED);

    /** event → (stage it is allowed in → stage it leads to). */
    private static final Map<EventType, Map<Stage, Stage>> EXPECTED = new EnumMap<>(EventType.class);

    static {
        EXPECTED.put(USCIS_PACKAGE_MAILED, Map.of(AWAITING_USCIS_PACKAGE, AWAITING_RECEIPT));
        EXPECTED.put(RECEIPT_RECEIVED, Map.of(AWAITING_RECEIPT, AWAITING_BIOMETRICS_NOTICE));
        EXPECTED.put(
                BIOMETRICS_NOTICE_RECEIVED,
                Map.of(
                        AWAITING_BIOMETRICS_NOTICE,
                        BIOMETRICS_SCHEDULED,
                        Stage.BIOMETRICS_MISSED,
                        BIOMETRICS_SCHEDULED));
        // by phone after a missed appointment, too: the wait for a new notice starts again
        EXPECTED.put(
                RESCHEDULE_REQUESTED,
                Map.of(
                        BIOMETRICS_SCHEDULED,
                        AWAITING_BIOMETRICS_NOTICE,
                        Stage.BIOMETRICS_MISSED,
                        AWAITING_BIOMETRICS_NOTICE));
        // reused fingerprints: done, from any stage before completion
        Map<Stage, Stage> reused = new EnumMap<>(Stage.class);
        for (Stage before : List.of(
                AWAITING_USCIS_PACKAGE,
                AWAITING_RECEIPT,
                AWAITING_BIOMETRICS_NOTICE,
                BIOMETRICS_SCHEDULED,
                Stage.BIOMETRICS_MISSED)) {
            reused.put(before, Stage.BIOMETRICS_COMPLETED);
        }
        EXPECTED.put(EventType.BIOMETRICS_REUSED, reused);
        EXPECTED.put(
                EventType.STAMPED_NOTICE_CONFIRMED, Map.of(Stage.BIOMETRICS_COMPLETED, Stage.BIOMETRICS_COMPLETED));
        EXPECTED.put(
                EventType.BIOMETRICS_COMPLETED,
                Map.of(
                        BIOMETRICS_SCHEDULED,
                        Stage.BIOMETRICS_COMPLETED,
                        Stage.BIOMETRICS_MISSED,
                        Stage.BIOMETRICS_COMPLETED));
        EXPECTED.put(EventType.BIOMETRICS_MISSED, Map.of(BIOMETRICS_SCHEDULED, Stage.BIOMETRICS_MISSED));
        for (EventType unchanged : List.of(
                HEARING_SCHEDULED,
                CONTACT_LOGGED,
                WORK_PERMIT_FILED,
                EventType.ADDRESS_CHANGE_REPORTED,
                EventType.FEE_NOTICE_RECEIVED,
                EventType.FEE_PAID)) {
            Map<Stage, Stage> same = new EnumMap<>(Stage.class);
            ANY_BUT_CLOSED.forEach(s -> same.put(s, s));
            EXPECTED.put(unchanged, same);
        }
        Map<Stage, Stage> closing = new EnumMap<>(Stage.class);
        ANY_BUT_CLOSED.forEach(s -> closing.put(s, Stage.CLOSED));
        EXPECTED.put(EventType.CLOSED, closing);
    }

    @Test
    void everyStageAgainstEveryEventInBothVenues() {
        int checked = 0;
        for (Venue venue : Venue.values()) {
            for (Stage stage : Stage.values()) {
                for (EventType event : EventType.values()) {
                    Stage expected = EXPECTED.get(event).get(stage);
                    boolean allowed = expected != null && !(event == HEARING_SCHEDULED && venue == Venue.USCIS);
                    Transitions.Transition transition = Transitions.of(event);
                    assertEquals(allowed, transition.allows(stage, venue), event + " in " + stage + " (" + venue + ")");
                    assertEquals(
                            allowed, Transitions.allowedEvents(stage, venue).contains(event));
                    if (allowed) {
                        assertEquals(expected, transition.next(stage), event + " from " + stage);
                    }
                    checked++;
                }
            }
        }
        assertEquals(2 * Stage.values().length * EventType.values().length, checked);
    }

    @Test
    void closedAllowsNothing() {
        for (Venue venue : Venue.values()) {
            assertTrue(Transitions.allowedEvents(Stage.CLOSED, venue).isEmpty());
        }
    }

    @Test
    void aFilingRefusesAnEventOutOfOrderAndNamesWhatIsAllowed() {
        Filing filing = Filing.open(
                "demo",
                UUID.randomUUID(),
                Venue.USCIS,
                Channel.MAIL,
                LocalDate.of(2026, 1, 5),
                CourtBiometricsProcess.MAIL_PACKAGE);
        Filing.EventContext context = new Filing.EventContext(
                LocalDate.of(2026, 2, 1),
                "alice",
                OffsetDateTime.of(2026, 2, 1, 12, 0, 0, 0, ZoneOffset.UTC),
                ZoneOffset.UTC);
        StageConflictException refused =
                assertThrows(StageConflictException.class, () -> filing.recordBiometricsCompleted(context, true));
        assertTrue(refused.allowedEvents().contains("RECEIPT_RECEIVED"));
        assertEquals(AWAITING_RECEIPT, filing.getStage());
        assertEquals(0, filing.getEventCount());
    }

    @Test
    void theInitialStageFollowsVenueAndCourtProcess() {
        LocalDate filed = LocalDate.of(2026, 1, 5);
        assertEquals(
                AWAITING_RECEIPT,
                Filing.open(
                                "o",
                                UUID.randomUUID(),
                                Venue.USCIS,
                                Channel.ONLINE,
                                filed,
                                CourtBiometricsProcess.AUTOMATIC)
                        .getStage());
        assertEquals(
                AWAITING_USCIS_PACKAGE,
                Filing.open(
                                "o",
                                UUID.randomUUID(),
                                Venue.IMMIGRATION_COURT,
                                null,
                                filed,
                                CourtBiometricsProcess.MAIL_PACKAGE)
                        .getStage());
        Filing automatic = Filing.open(
                "o", UUID.randomUUID(), Venue.IMMIGRATION_COURT, null, filed, CourtBiometricsProcess.AUTOMATIC);
        assertEquals(AWAITING_BIOMETRICS_NOTICE, automatic.getStage());
        assertEquals(filed, automatic.progress().biometricsClockStartOn());
    }

    @Test
    void retractingTheOnlyEventGivesBackTheProgressTheFilingWasOpenedWith() {
        Filing filing = Filing.open(
                "demo",
                UUID.randomUUID(),
                Venue.USCIS,
                Channel.MAIL,
                LocalDate.of(2026, 1, 5),
                CourtBiometricsProcess.MAIL_PACKAGE);
        OffsetDateTime now = OffsetDateTime.of(2026, 3, 1, 12, 0, 0, 0, ZoneOffset.UTC);
        Progress before = filing.progress();
        FilingEvent receipt = filing.recordReceipt(
                new Filing.EventContext(LocalDate.of(2026, 2, 20), "alice", now, ZoneOffset.UTC), "IOE0912345678");
        assertEquals(AWAITING_BIOMETRICS_NOTICE, filing.getStage());
        filing.retract(receipt, List.of(), "bob", null, now, ZoneOffset.UTC);
        assertEquals(before, filing.progress());
        assertTrue(receipt.isRetracted());
    }
}
