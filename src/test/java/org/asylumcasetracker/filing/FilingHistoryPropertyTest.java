package org.asylumcasetracker.filing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.asylumcasetracker.organization.CourtBiometricsProcess;
import org.asylumcasetracker.platform.problem.DomainException;

/**
 * For random families and random event sequences the state machine allows: the progress a filing keeps as it
 * records events equals the fold of those events, and taking back the last event gives exactly the progress before
 * it, hearings and every person's progress included.
 */
class FilingHistoryPropertyTest {

    private static final LocalDate FILED_ON = LocalDate.of(2025, 11, 3);
    private static final UUID PRINCIPAL = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final OffsetDateTime RECORDED_AT = OffsetDateTime.parse("2026-11-30T12:00:00Z");

    @Property(tries = 400)
    void retractingTheLastEventGivesExactlyTheStateBeforeIt(
            @ForAll("openings") Opening opening,
            @ForAll @Size(min = 1, max = 14) List<@IntRange(min = 0, max = 1000) Integer> choices,
            @ForAll("zones") ZoneId zone,
            @ForAll @IntRange(min = 0, max = 3) int familySize) {
        List<UUID> family = new ArrayList<>();
        for (int i = 0; i < familySize; i++) {
            family.add(UUID.randomUUID());
        }
        Filing filing = opening.open(family, zone);
        List<UUID> people = new ArrayList<>(family);
        people.add(0, filing.getClientId());
        List<FilingHistory.Entry> history = new ArrayList<>();
        LocalDate day = FILED_ON;
        for (int choice : choices) {
            List<EventType> allowed = filing.allowedEvents();
            if (allowed.isEmpty()) {
                break;
            }
            day = day.plusDays(choice % 40);
            Progress before = filing.progress();
            FilingEvent event;
            try {
                // now and then a package or a hearing covers only some people (a severed case)
                List<UUID> some = choice % 3 == 0 ? people.subList(choice % people.size(), people.size()) : List.of();
                event = record(
                        filing,
                        allowed.get(choice % allowed.size()),
                        choice,
                        day,
                        zone,
                        people.get(choice % people.size()),
                        some);
            } catch (DomainException refused) {
                assertEquals(before, filing.progress(), "a refused event changes nothing");
                continue;
            }
            history.add(event.toEntry(filing.getClientId()));
            assertEquals(
                    FilingHistory.fold(
                            FilingHistory.start(filing.getVenue(), opening.process(), FILED_ON, family), history, zone),
                    filing.progress(),
                    "the kept progress is the fold of the events");

            Filing replay = opening.open(family, zone);
            replay.refold(history, zone);
            replay.retract(event, history.subList(0, history.size() - 1), "bob", null, RECORDED_AT, zone);
            assertEquals(before, replay.progress(), "retracting " + event.getType() + " gives the state before it");
        }
    }

    @Provide
    Arbitrary<Opening> openings() {
        return Arbitraries.of(
                new Opening(Venue.USCIS, Channel.MAIL, CourtBiometricsProcess.MAIL_PACKAGE),
                new Opening(Venue.USCIS, Channel.ONLINE, CourtBiometricsProcess.AUTOMATIC),
                new Opening(Venue.IMMIGRATION_COURT, null, CourtBiometricsProcess.MAIL_PACKAGE),
                new Opening(Venue.IMMIGRATION_COURT, null, CourtBiometricsProcess.AUTOMATIC));
    }

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of(
                ZoneId.of("America/New_York"), ZoneId.of("Pacific/Honolulu"), ZoneId.of("Pacific/Kiritimati"));
    }

    /** How a filing is opened: venue, channel and the organization's court process at the time. */
    record Opening(Venue venue, Channel channel, CourtBiometricsProcess process) {
        Filing open(List<UUID> family, ZoneId zone) {
            Filing filing = Filing.open("demo", PRINCIPAL, venue, channel, FILED_ON, process);
            filing.describe(null, channel, FILED_ON, null, null, family);
            filing.refold(List.of(), zone);
            return filing;
        }
    }

    private static FilingEvent record(
            Filing filing, EventType type, int choice, LocalDate day, ZoneId zone, UUID person, List<UUID> some) {
        Filing.EventContext context = new Filing.EventContext(day, "alice", RECORDED_AT, zone)
                .about(person)
                .covering(some);
        OffsetDateTime soon = day.plusDays(choice % 90)
                .atTime(8 + choice % 9, 30)
                .atZone(zone)
                .toOffsetDateTime();
        return switch (type) {
            case USCIS_PACKAGE_MAILED -> filing.recordPackageMailed(context, choice % 2 == 0 ? null : "TRACK" + choice);
            case RECEIPT_RECEIVED -> filing.recordReceipt(context, "IOE09" + (12345678 + choice));
            case BIOMETRICS_NOTICE_RECEIVED ->
                filing.recordBiometricsNotice(
                        context,
                        // now and then an appointment whose day had passed when the notice came
                        choice % 7 == 0 ? soon.minusDays(100) : soon,
                        "ASC " + choice,
                        choice % 3 == 0 ? DeliveredVia.ONLINE_ACCOUNT : null);
            case RESCHEDULE_REQUESTED ->
                filing.requestReschedule(
                        context,
                        choice % 2 == 0 ? RescheduleVia.PHONE : RescheduleVia.ONLINE,
                        day.atStartOfDay(zone).toOffsetDateTime(),
                        null,
                        12,
                        2);
            case BIOMETRICS_COMPLETED -> filing.recordBiometricsCompleted(context, choice % 2 == 0);
            case BIOMETRICS_MISSED -> filing.recordBiometricsMissed(context);
            case BIOMETRICS_REUSED -> filing.recordBiometricsReused(context);
            case STAMPED_NOTICE_CONFIRMED -> filing.confirmStampedNotice(context);
            case HEARING_SCHEDULED ->
                filing.scheduleHearing(
                        context,
                        // now and then a hearing already held, so that continuances meet past hearings too
                        choice % 5 == 0 ? soon.minusDays(60) : soon,
                        choice % 2 == 0 ? HearingKind.INDIVIDUAL : HearingKind.MASTER_CALENDAR);
            case CONTACT_LOGGED -> filing.logContact(context, ContactChannel.USCIS_CONTACT_CENTER, null);
            case WORK_PERMIT_FILED -> filing.recordWorkPermitFiled(context);
            case CLOSED -> filing.close(context, Outcome.OTHER);
            case ADDRESS_CHANGE_REPORTED -> filing.recordAddressChangeReported(context, AddressForm.AR_11, person);
            case FEE_NOTICE_RECEIVED ->
                filing.recordFeeNotice(context, java.math.BigDecimal.valueOf(100), day.plusDays(30));
            case FEE_PAID -> filing.recordFeePaid(context, java.math.BigDecimal.valueOf(100));
        };
    }
}
