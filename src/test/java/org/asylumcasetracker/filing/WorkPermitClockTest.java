package org.asylumcasetracker.filing;

import static org.asylumcasetracker.filing.WorkPermitClock.Fact.resume;
import static org.asylumcasetracker.filing.WorkPermitClock.Fact.stop;
import static org.asylumcasetracker.filing.WorkPermitClock.StopReason.MISSED_BIOMETRICS;
import static org.asylumcasetracker.filing.WorkPermitClock.StopReason.RESCHEDULE_REQUESTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WorkPermitClockTest {

    private static final LocalDate RECEIVED = LocalDate.parse("2026-01-15");
    private static final int WAIT = 150;

    private static LocalDate d(String day) {
        return LocalDate.parse(day);
    }

    static Stream<Arguments> timelines() {
        return Stream.of(
                Arguments.of("nothing stops it", List.of(), "2026-06-14", 0),
                Arguments.of(
                        "missed 10 Feb, walk-in 24 Feb",
                        List.of(stop(d("2026-02-10"), MISSED_BIOMETRICS), resume(d("2026-02-24"))),
                        "2026-06-28",
                        14),
                Arguments.of(
                        "reschedule asked 10 Feb, done 3 Mar",
                        List.of(stop(d("2026-02-10"), RESCHEDULE_REQUESTED), resume(d("2026-03-03"))),
                        "2026-07-05",
                        21),
                Arguments.of(
                        "missed, then a reschedule call: one stop until biometrics",
                        List.of(
                                stop(d("2026-02-10"), MISSED_BIOMETRICS),
                                stop(d("2026-02-12"), RESCHEDULE_REQUESTED),
                                resume(d("2026-03-10"))),
                        "2026-07-12",
                        28),
                Arguments.of(
                        "missed, then earlier fingerprints reused on 20 Feb",
                        List.of(stop(d("2026-02-10"), MISSED_BIOMETRICS), resume(d("2026-02-20"))),
                        "2026-06-24",
                        10),
                Arguments.of(
                        "two stops",
                        List.of(
                                stop(d("2026-02-10"), MISSED_BIOMETRICS),
                                resume(d("2026-02-24")),
                                stop(d("2026-03-01"), RESCHEDULE_REQUESTED),
                                resume(d("2026-03-08"))),
                        "2026-07-05",
                        21),
                Arguments.of(
                        "missed after the wait was over: no effect",
                        List.of(stop(d("2026-07-01"), MISSED_BIOMETRICS)),
                        "2026-06-14",
                        0),
                Arguments.of(
                        "missed on the day the wait ends: no effect",
                        List.of(stop(d("2026-06-14"), MISSED_BIOMETRICS)),
                        "2026-06-14",
                        0),
                Arguments.of(
                        "missed the day before it ends, walk-in a week later",
                        List.of(stop(d("2026-06-13"), MISSED_BIOMETRICS), resume(d("2026-06-20"))),
                        "2026-06-21",
                        7),
                Arguments.of(
                        "facts in any order",
                        List.of(resume(d("2026-02-24")), stop(d("2026-02-10"), MISSED_BIOMETRICS)),
                        "2026-06-28",
                        14));
    }

    @ParameterizedTest(name = "{0}: eligible {2}, {3} days stopped")
    @MethodSource("timelines")
    void countsTheWaitWithoutTheDaysTheApplicantCaused(
            String story, List<WorkPermitClock.Fact> facts, String eligibleOn, long stoppedDays) {
        WorkPermitClock.Result clock = WorkPermitClock.of(RECEIVED, WAIT, facts);
        assertEquals(LocalDate.parse(eligibleOn), clock.eligibleOn().orElseThrow(), story);
        assertEquals(stoppedDays, clock.stoppedDays(), story);
    }

    @Test
    void standsStillUntilBiometricsAreDone() {
        WorkPermitClock.Result clock =
                WorkPermitClock.of(RECEIVED, WAIT, List.of(stop(d("2026-02-10"), MISSED_BIOMETRICS)));
        assertTrue(clock.stopped());
        assertEquals(MISSED_BIOMETRICS, clock.stops().get(0).reason());
        assertEquals(d("2026-02-10"), clock.stops().get(0).from());
    }

    @Test
    void readsTheTimelineSkippingRetractedEvents() {
        Filing filing = Filing.open(
                "org",
                java.util.UUID.randomUUID(),
                Venue.USCIS,
                Channel.MAIL,
                RECEIVED,
                org.asylumcasetracker.organization.CourtBiometricsProcess.MAIL_PACKAGE);
        java.time.OffsetDateTime now = java.time.OffsetDateTime.parse("2026-03-01T10:00:00Z");
        java.time.ZoneId zone = java.time.ZoneId.of("America/New_York");
        List<FilingEvent> events = new ArrayList<>();
        events.add(filing.recordReceipt(new Filing.EventContext(d("2026-01-20"), "t", now, zone), "IOE0912345678"));
        events.add(filing.recordBiometricsNotice(
                new Filing.EventContext(d("2026-01-25"), "t", now, zone),
                java.time.OffsetDateTime.parse("2026-02-10T09:00:00-05:00"),
                "ASC",
                null));
        events.add(filing.recordBiometricsMissed(new Filing.EventContext(d("2026-02-10"), "t", now, zone)));
        events.add(filing.recordBiometricsCompleted(new Filing.EventContext(d("2026-02-24"), "t", now, zone), true));
        assertEquals(
                d("2026-06-28"),
                filing.workPermitClock(filing.person(null), WAIT).eligibleOn().orElseThrow());
        filing.retract(
                events.get(3),
                events.subList(0, 3).stream()
                        .map(e -> e.toEntry(filing.getClientId()))
                        .toList(),
                "supervisor",
                "sub",
                now,
                zone);
        assertTrue(
                filing.workPermitClock(filing.person(null), WAIT).stopped(),
                "without the walk-in the clock stands still");
    }

    @Test
    void aFamilyMembersMissedAppointmentStopsOnlyTheirClock() {
        java.util.UUID son = java.util.UUID.randomUUID();
        Filing filing = Filing.open(
                "org",
                java.util.UUID.randomUUID(),
                Venue.USCIS,
                Channel.MAIL,
                RECEIVED,
                org.asylumcasetracker.organization.CourtBiometricsProcess.MAIL_PACKAGE);
        java.time.ZoneId zone = java.time.ZoneId.of("America/New_York");
        filing.describe(null, null, RECEIVED, null, null, List.of(son));
        filing.refold(List.of(), zone);
        java.time.OffsetDateTime now = java.time.OffsetDateTime.parse("2026-03-01T10:00:00Z");
        java.time.OffsetDateTime appointment = java.time.OffsetDateTime.parse("2026-02-10T09:00:00-05:00");
        List<FilingEvent> events = new ArrayList<>();
        for (java.util.UUID person : List.of(filing.getClientId(), son)) {
            Filing.EventContext context = new Filing.EventContext(d("2026-01-20"), "t", now, zone).about(person);
            events.add(filing.recordReceipt(context, "IOE09" + (person.equals(son) ? "12345679" : "12345678")));
            events.add(filing.recordBiometricsNotice(context, appointment, "ASC", null));
        }
        events.add(filing.recordBiometricsCompleted(
                new Filing.EventContext(d("2026-02-10"), "t", now, zone).about(filing.getClientId()), true));
        events.add(filing.recordBiometricsMissed(new Filing.EventContext(d("2026-02-10"), "t", now, zone).about(son)));

        assertEquals(
                RECEIVED.plusDays(WAIT),
                filing.workPermitClock(filing.person(null), WAIT).eligibleOn().orElseThrow(),
                "the principal's clock runs on");
        assertTrue(filing.workPermitClock(filing.person(son), WAIT).stopped(), "the son's stands still");
    }
}
