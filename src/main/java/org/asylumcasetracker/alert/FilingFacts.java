package org.asylumcasetracker.alert;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.asylumcasetracker.filing.AsylumFees;
import org.asylumcasetracker.filing.Channel;
import org.asylumcasetracker.filing.DeliveredVia;
import org.asylumcasetracker.filing.Filing;
import org.asylumcasetracker.filing.FilingEvent;
import org.asylumcasetracker.filing.FilingHistory;
import org.asylumcasetracker.filing.PersonProgress;
import org.asylumcasetracker.filing.Progress;
import org.asylumcasetracker.filing.Stage;
import org.asylumcasetracker.filing.Venue;
import org.asylumcasetracker.filing.WorkPermitClock;

/**
 * Everything the alert rules need to know about one person on an asylum application (I-589): the filing's own facts
 * and that person's progress ({@link #of}); only whether the person holds a primary ID comes from elsewhere. Each
 * person's alerts are their own: {@code clientId} is the person. A fact that is not known yet is {@code null}; the rules
 * raise nothing that depends on an unknown fact. It holds no names, A-Numbers or contact details.
 *
 * @param channel                 how a USCIS filing was made; {@code null} for a court filing
 * @param packageMailedOn         when a court applicant mailed the first three pages to USCIS
 * @param biometricsClockStartOn  when the wait for a biometrics notice began: the receipt date; after a
 *                                reschedule, the reschedule date; under the AUTOMATIC court process, filedOn
 * @param noticeReceivedOn        when the current biometrics appointment notice arrived
 * @param missedOn                when the appointment was recorded as missed
 * @param completedOn             when biometrics were recorded as done
 * @param stampedNoticeKept       whether the client kept the notice the officer stamped; {@code null} if
 *                                nobody said
 * @param individualHearingAt     the individual (merits) hearing in court, if one is set
 * @param clientHasPrimaryId      the person has a passport or a government ID
 * @param packageSharedWithPrincipal a family member still waiting for the package together with the principal: one
 *                                package covers everyone who shares the principal's hearings
 * @param receivedOn              the day USCIS or the court received the application ({@code null}: filedOn)
 * @param workPermitClockFacts    the stops and restarts of this person's work-permit clock
 * @param feeNotices              the asylum fees asked for, each with its due day and payment
 * @param principal               whether the person is the principal: the fees are the application's, so their
 *                                alerts are raised once, with the principal's
 */
public record FilingFacts(
        UUID filingId,
        UUID clientId,
        Venue venue,
        Channel channel,
        Stage stage,
        LocalDate filedOn,
        LocalDate packageMailedOn,
        LocalDate receiptReceivedOn,
        LocalDate biometricsClockStartOn,
        LocalDate noticeReceivedOn,
        OffsetDateTime appointmentAt,
        DeliveredVia deliveredVia,
        LocalDate missedOn,
        LocalDate completedOn,
        Boolean stampedNoticeKept,
        OffsetDateTime individualHearingAt,
        boolean workPermitFiled,
        boolean clientHasPrimaryId,
        boolean packageSharedWithPrincipal,
        LocalDate receivedOn,
        List<WorkPermitClock.Fact> workPermitClockFacts,
        List<AsylumFees.Notice> feeNotices,
        boolean principal) {

    public FilingFacts {
        workPermitClockFacts = workPermitClockFacts == null ? List.of() : List.copyOf(workPermitClockFacts);
        feeNotices = feeNotices == null ? List.of() : List.copyOf(feeNotices);
    }

    /** One person's facts as the filing stands now. */
    public static FilingFacts of(Filing filing, PersonProgress person, boolean hasPrimaryId) {
        return of(filing, filing.progress(), person, hasPrimaryId);
    }

    /** One person's facts in a progress of the filing ({@code p}: as the filing stands now, or as it stood on some day). */
    public static FilingFacts of(Filing filing, Progress p, PersonProgress person, boolean hasPrimaryId) {
        boolean principal = person.clientId().equals(filing.getClientId());
        return new FilingFacts(
                filing.getId(),
                person.clientId(),
                filing.getVenue(),
                filing.getChannel(),
                person.stage(),
                filing.getFiledOn(),
                person.packageMailedOn(),
                person.receiptReceivedOn(),
                person.biometricsClockStartOn(),
                person.noticeReceivedOn(),
                person.appointmentAt(),
                person.deliveredVia(),
                person.missedOn(),
                person.completedOn(),
                person.stampedNoticeKept(),
                person.hearingsOfTheirOwn()
                        ? FilingHistory.individualHearingOf(p.hearings(), person)
                        : p.individualHearingAt() != null
                                ? p.individualHearingAt()
                                : filing.getEnteredIndividualHearingAt(),
                person.workPermitFiledOn() != null,
                hasPrimaryId,
                !principal && !person.hearingsOfTheirOwn() && p.principalStage() == person.stage(),
                filing.receivedOn(),
                WorkPermitClock.factsOf(p.keptEvents(), person.clientId(), filing.getClientId()),
                principal ? AsylumFees.of(p.keptEvents()) : List.of(),
                principal);
    }

    /** Everyone's facts as the filing stands now, the principal first; {@code hasPrimaryId} by client, absent: no. */
    public static List<FilingFacts> ofEveryone(Filing filing, Map<UUID, Boolean> hasPrimaryId) {
        return ofEveryone(filing, filing.progress(), hasPrimaryId);
    }

    /** Everyone's facts in a progress of the filing, the principal first. */
    public static List<FilingFacts> ofEveryone(Filing filing, Progress p, Map<UUID, Boolean> hasPrimaryId) {
        return filing.people(p).stream()
                .map(person -> of(filing, p, person, hasPrimaryId.getOrDefault(person.clientId(), false)))
                .toList();
    }

    /**
     * Everyone's facts as they stood at the end of {@code day}: what the events in effect that happened on or before
     * it made of the filing. Facts recorded later about later days do not change the answer. The filing's row keeps
     * the progress after all its events, so {@code timeline} (the filing's events, retracted ones too) is read only
     * when an event happened after {@code day}.
     */
    public static List<FilingFacts> ofEveryoneOn(
            Filing filing,
            LocalDate day,
            Map<UUID, Boolean> hasPrimaryId,
            Supplier<List<FilingEvent>> timeline,
            ZoneId zone) {
        Progress p = filing.hasEventsAfter(day)
                ? filing.progressOn(day, entries(filing, inEffect(timeline.get())), zone)
                : filing.progress();
        return ofEveryone(filing, p, hasPrimaryId);
    }

    /** The events not retracted, in the order they were recorded. */
    static List<FilingEvent> inEffect(List<FilingEvent> timeline) {
        return timeline.stream()
                .filter(e -> !e.isRetracted())
                .sorted(Comparator.comparingInt(FilingEvent::getSequence))
                .toList();
    }

    static List<FilingHistory.Entry> entries(Filing filing, List<FilingEvent> inEffect) {
        return inEffect.stream().map(e -> e.toEntry(filing.getClientId())).toList();
    }

    /** The work-permit clock for a wait of {@code waitDays} ({@link WorkPermitClock}). */
    public WorkPermitClock.Result workPermitClock(int waitDays) {
        return WorkPermitClock.of(receivedOn != null ? receivedOn : filedOn, waitDays, workPermitClockFacts);
    }

    /** The appointment's calendar day where the organization works, whatever offset the time was stored with. */
    public Optional<LocalDate> appointmentDate(ZoneId zone) {
        return dateIn(appointmentAt, zone);
    }

    /** The individual hearing's calendar day where the organization works. */
    public Optional<LocalDate> individualHearingDate(ZoneId zone) {
        return dateIn(individualHearingAt, zone);
    }

    public boolean filedInCourt() {
        return venue == Venue.IMMIGRATION_COURT;
    }

    private static Optional<LocalDate> dateIn(OffsetDateTime moment, ZoneId zone) {
        return Optional.ofNullable(moment).map(m -> m.atZoneSameInstant(zone).toLocalDate());
    }
}
