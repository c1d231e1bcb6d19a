package org.asylumcasetracker.alert;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.asylumcasetracker.filing.AsylumFees;
import org.asylumcasetracker.filing.Channel;
import org.asylumcasetracker.filing.DeliveredVia;
import org.asylumcasetracker.filing.Filing;
import org.asylumcasetracker.filing.FilingEvent;
import org.asylumcasetracker.filing.Progress;
import org.asylumcasetracker.filing.Stage;
import org.asylumcasetracker.filing.Venue;
import org.asylumcasetracker.filing.WorkPermitClock;

/**
 * Everything the alert rules need to know about one asylum application (I-589), read from the filing and
 * its {@link Progress} ({@link #of}); only whether the client holds a primary ID comes from elsewhere. A fact that is not known yet is {@code null}; the rules
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
 * @param clientHasPrimaryId      the client has a passport or a government ID
 * @param receivedOn              the day USCIS or the court received the application ({@code null}: filedOn)
 * @param workPermitClockFacts    the stops and restarts of the work-permit clock, from the timeline
 * @param feeNotices              the asylum fees asked for, each with its due day and payment, from the timeline
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
        LocalDate receivedOn,
        List<WorkPermitClock.Fact> workPermitClockFacts,
        List<AsylumFees.Notice> feeNotices) {

    public FilingFacts {
        workPermitClockFacts = workPermitClockFacts == null ? List.of() : List.copyOf(workPermitClockFacts);
        feeNotices = feeNotices == null ? List.of() : List.copyOf(feeNotices);
    }

    /** The facts of a filing as it stands now, with its timeline (all events, retracted ones too). */
    public static FilingFacts of(Filing filing, List<FilingEvent> events, boolean clientHasPrimaryId) {
        Progress p = filing.progress();
        return new FilingFacts(
                filing.getId(),
                filing.getClientId(),
                filing.getVenue(),
                filing.getChannel(),
                p.stage(),
                filing.getFiledOn(),
                p.packageMailedOn(),
                p.receiptReceivedOn(),
                p.biometricsClockStartOn(),
                p.noticeReceivedOn(),
                p.appointmentAt(),
                p.deliveredVia(),
                p.missedOn(),
                p.completedOn(),
                p.stampedNoticeKept(),
                p.individualHearingAt(),
                p.workPermitFiledOn() != null,
                clientHasPrimaryId,
                filing.receivedOn(),
                WorkPermitClock.factsOf(events),
                AsylumFees.of(events));
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
