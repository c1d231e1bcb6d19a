package org.asylumcasetracker.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.asylumcasetracker.filing.Channel;
import org.asylumcasetracker.filing.Filing;
import org.asylumcasetracker.filing.FilingEvent;
import org.asylumcasetracker.filing.Venue;
import org.asylumcasetracker.organization.CourtBiometricsProcess;
import org.junit.jupiter.api.Test;

/**
 * A filing's facts on a day come from its row when no event happened after that day, and from its events folded
 * again up to the day otherwise; both agree with the events.
 */
class FilingFactsOnDayTest {

    private static final ZoneId ZONE = ZoneId.of("America/New_York");
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-06-01T12:00:00Z");
    private static final LocalDate FILED = LocalDate.of(2025, 9, 1);

    private final Filing filing = Filing.open(
            "org", UUID.randomUUID(), Venue.USCIS, Channel.MAIL, FILED, CourtBiometricsProcess.MAIL_PACKAGE);
    private final List<FilingEvent> timeline = new ArrayList<>();

    private Filing.EventContext on(String day) {
        return new Filing.EventContext(LocalDate.parse(day), "t", NOW, ZONE);
    }

    private void recordHistory() {
        timeline.add(filing.recordReceipt(on("2025-10-01"), "IOE0912345678"));
        timeline.add(filing.recordBiometricsNotice(
                on("2025-10-10"), OffsetDateTime.parse("2025-11-03T09:00:00-05:00"), "ASC", null));
        timeline.add(filing.recordBiometricsMissed(on("2025-11-03")));
        timeline.add(filing.recordFeeNotice(on("2026-03-01"), new BigDecimal("100.00"), LocalDate.of(2026, 3, 31)));
    }

    @Test
    void onOrAfterTheLatestEventTheRowAnswersWithoutTheTimeline() {
        recordHistory();
        AtomicInteger reads = new AtomicInteger();
        Supplier<List<FilingEvent>> counted = () -> {
            reads.incrementAndGet();
            return timeline;
        };
        FilingFacts principal = FilingFacts.ofEveryoneOn(filing, LocalDate.of(2026, 3, 1), Map.of(), counted, ZONE)
                .get(0);
        assertEquals(0, reads.get(), "no event after the day: the timeline is not read");
        assertEquals(LocalDate.of(2025, 11, 3), principal.missedOn());
        assertTrue(principal.workPermitClock(150).stopped(), "the missed appointment stops the clock");
        assertEquals(1, principal.feeNotices().size());
        assertEquals(
                FilingFacts.ofEveryone(filing, Map.of()),
                FilingFacts.ofEveryoneOn(filing, LocalDate.of(2026, 5, 1), Map.of(), counted, ZONE));
        assertEquals(0, reads.get());
    }

    @Test
    void beforeTheLatestEventTheEventsUpToTheDayAreFoldedAgain() {
        recordHistory();
        AtomicInteger reads = new AtomicInteger();
        FilingFacts principal = FilingFacts.ofEveryoneOn(
                        filing,
                        LocalDate.of(2025, 11, 2),
                        Map.of(),
                        () -> {
                            reads.incrementAndGet();
                            return timeline;
                        },
                        ZONE)
                .get(0);
        assertEquals(1, reads.get());
        assertNull(principal.missedOn(), "the appointment was missed the next day");
        assertFalse(principal.workPermitClock(150).stopped());
        assertTrue(principal.feeNotices().isEmpty(), "the fee notice came later");
        assertEquals(LocalDate.of(2025, 10, 1), principal.receiptReceivedOn());
    }

    @Test
    void retractingTheLatestEventMovesTheLatestDayBack() {
        recordHistory();
        filing.retract(
                timeline.get(3),
                timeline.subList(0, 3).stream()
                        .map(e -> e.toEntry(filing.getClientId()))
                        .toList(),
                "supervisor",
                "sub",
                NOW,
                ZONE);
        assertEquals(LocalDate.of(2025, 11, 3), filing.getLatestEventOn());
        assertFalse(filing.hasEventsAfter(LocalDate.of(2025, 11, 3)));
        assertTrue(filing.hasEventsAfter(LocalDate.of(2025, 11, 2)));
        assertTrue(FilingFacts.ofEveryone(filing, Map.of()).get(0).feeNotices().isEmpty());
    }
}
